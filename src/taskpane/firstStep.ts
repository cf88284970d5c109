/**
 * Where a clerk starts: on opening, the pane looks at the active sheet once (one read, no write).
 * A sheet that holds a form means 校验, with the detected kind and the rule set whose 一级指标
 * fit it best; anything else means 模板.
 */
import { useEffect, useState } from "react";
import type { DetectedForm, RuleSet } from "../engine";
import type { WorkbookPort } from "../host/port";

export interface FirstStep {
  sheet: string;
  /** The first form on the sheet, or null when it holds none. */
  form: DetectedForm | null;
}

// The pane renders the suggestion at every progress step of an operation: a 5,000-row form's
// 一级指标 are collected once, not once per rule set and render.
const LEVEL1_NAMES = new WeakMap<DetectedForm, Set<string>>();

function level1Names(form: DetectedForm): Set<string> {
  let names = LEVEL1_NAMES.get(form);
  if (!names) {
    names = new Set((form.indicators?.rows ?? []).map((r) => r.level1.replace(/\s/g, "")));
    LEVEL1_NAMES.set(form, names);
  }
  return names;
}

/** How many of the form's 一级指标 the rule set names. */
function fit(form: DetectedForm, ruleSet: RuleSet): number {
  const names = level1Names(form);
  return ruleSet.level1.filter((l) => names.has(l.name)).length;
}

/** The rule set that fits the form better than the current one, or null when the current fits as well as any. */
export function suggestRuleSet(form: DetectedForm, ruleSets: RuleSet[], current: RuleSet): RuleSet | null {
  let best = current;
  let bestFit = fit(form, current);
  for (const r of ruleSets) {
    const f = fit(form, r);
    if (f > bestFit) [best, bestFit] = [r, f];
  }
  return best.id === current.id ? null : best;
}

export interface FirstLook {
  /** The active sheet as the pane opened: null until it has been read (or when it cannot be). */
  step: FirstStep | null;
  /** The look is over: read, or the sheet could not be read (then the pane opens on 模板). */
  settled: boolean;
}

export function useFirstStep(port: WorkbookPort): FirstLook {
  const [look, setLook] = useState<FirstLook>({ step: null, settled: false });
  useEffect(() => {
    let live = true;
    // Detection loads beside the read (its own chunk), after the pane's first paint.
    Promise.all([port.readSheet(null), import("../engine/detect/detect")]).then(
      ([snapshot, { detectForms }]) => {
        if (live) setLook({ step: { sheet: snapshot.name, form: detectForms(snapshot)[0] ?? null }, settled: true });
      },
      () => live && setLook({ step: null, settled: true }), // No readable sheet: 模板, without a hint.
    );
    return () => {
      live = false;
    };
  }, [port]);
  return look;
}
