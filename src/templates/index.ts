export {
  TEMPLATES,
  TEMPLATE_KINDS,
  LABELS,
  type TemplateKind,
  type TemplateDefinition,
  type SectionKind,
} from "./definitions";
export {
  nativeBuilder,
  customBuilder,
  sumFormula,
  nativeIndicatorScore,
  nativeTotal,
  NATIVE_TEXT_PROMPT,
  NATIVE_QUALITATIVE_PROMPT,
  NATIVE_NATURE_PROMPT,
  NATIVE_RATE_PROMPT,
  REFUSE,
  nativeFormulaGaps,
  NATIVE_NATURES,
  type FormulaBuilder,
  type IndicatorRefs,
} from "./formulas";
export {
  renderTemplate,
  renderTemplateGrid,
  splitWeight,
  type RenderOptions,
  type RenderedTemplate,
  type FormulaStyle,
} from "./render";
export { Grid } from "./grid";
