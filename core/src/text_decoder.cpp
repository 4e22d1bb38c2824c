#include "bbb/text_decoder.h"
