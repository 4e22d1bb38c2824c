// The model of each view but the statement: (currency, its report, the
// panel's state) -> ViewModel. Shared by the page and <bbb-report>.
import { forwardModel } from './forward_model.js';
import { ordersModel } from './orders_model.js';
import { pipelineModel } from './pipeline_model.js';
import { recurringModel } from './recurring_model.js';
import { segmentsModel } from './segments_model.js';
import { trendsModel } from './trends_model.js';
import { waterfallModel } from './waterfall_model.js';

export const VIEW_MODELS = {
  forward: (code, data) => forwardModel(code, data),
  waterfall: (code, data, state) => waterfallModel(code, data, state),
  pipeline: (code, data, state) => pipelineModel(code, data, state),
  orders: (code, data) => ordersModel(code, data),
  trends: (code, data, state) => trendsModel(code, data, state),
  recurring: (code, data, state) => recurringModel(code, data, state),
  segments: (code, data, state) => segmentsModel(code, data, state),
};
