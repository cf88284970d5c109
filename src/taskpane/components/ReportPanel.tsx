/**
 * 汇总与报告: the chores after the forms — roll the project forms up into the 部门整体 form, and
 * draft the 自评报告 of the active sheet's forms.
 */
import { usePaneStyles } from "../styles";
import { ReportAction } from "./ReportAction";
import { RollupAction } from "./RollupAction";

export function ReportPanel() {
  const styles = usePaneStyles();
  return (
    <div className={styles.panel}>
      <RollupAction />
      <ReportAction />
    </div>
  );
}
