/** Free text a form carries under a label (年度总体目标: 预期目标 / 实际完成情况), read by position. */
import type { DetectedForm } from "../detect/form";
import type { SheetView } from "../sheet/snapshot";

const clean = (t: string) => t.replace(/[\s:：]/g, "");

/** The text in the first filled cell below the label cell (same column), within the form. */
export function textBelow(view: SheetView, form: DetectedForm, label: string): string {
  const r = form.range;
  for (let row = r.r1; row <= r.r2; row++) {
    for (let col = r.c1; col <= r.c2; col++) {
      if (view.isMergedCovered(row, col) || clean(view.text(row, col)) !== label) continue;
      for (let below = row + 1; below <= Math.min(r.r2, row + 3); below++) {
        const t = view.text(below, col).trim();
        if (t !== "" && clean(t) !== label) return t;
      }
    }
  }
  return "";
}

/** "2023年度项目支出绩效自评表" → "2023". */
export function yearOf(title: string | undefined): string {
  return /(\d{4})\s*年/.exec(title ?? "")?.[1] ?? "";
}
