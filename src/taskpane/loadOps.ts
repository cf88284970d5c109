/**
 * The workbook operations (and the engine's detection and checks under them), loaded when the
 * pane first needs one rather than with the pane: they are most of its code, and the first paint
 * needs none of them. Code that runs at the pane's top level calls them through this.
 */
export const loadOps = () => import(/* webpackChunkName: "ops" */ "../ops");
