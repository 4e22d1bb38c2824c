// Types of the modules that Vite plugins make up at build time.
declare module 'virtual:bbb-examples' {
  /** One example set of examples/: a contracts file and maybe invoices and fulfilment files. */
  const sets: Array<{ id: string; title: string; files: Array<{ kind: 'contracts' | 'invoices' | 'fulfilment'; name: string; url: string }> }>;
  export default sets;
}
