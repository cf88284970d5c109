export { reviewSheet, reviewForm, type FormReview, type SheetReview } from "./review";
export { platformFlag, type ReviewFlag, type FlagResult } from "./flag";
export { adviceFor, type Advice, type AdviceAction } from "./advice";
export type { FormHeader } from "./header";
