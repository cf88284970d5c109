/** 汇总与报告: the chores after the forms — a 自评报告 draft of the active sheet's forms. */
import { ReportAction } from "./ReportAction";

export function ReportPanel() {
  return <ReportAction />;
}
