/** Two small rule sets so the pane's picker has a choice, whatever the engine's catalog holds. */
import type { RuleSet } from "../../src/engine";

function ruleSet(id: string, label: string, labelEn: string): RuleSet {
  return {
    id,
    label,
    labelEn,
    form: "project",
    executionWeight: 10,
    level1: [{ name: "产出指标", weight: 90, level2: ["数量指标"] }],
    total: 100,
    qualitativeBands: { metFloor: 0.8, partialFloor: 0.6, partialDefault: 0.7, unmetDefault: 0.3 },
    grades: { excellent: 90, good: 80, pass: 60 },
    reverseRule: "linear",
    overAchievementRatio: 1.2,
  };
}

export const TEST_RULE_SETS: RuleSet[] = [
  ruleSet("mof-2020", "财政部 2020 规则", "MoF 2020"),
  ruleSet("other-20", "执行率 20 分", "Execution 20"),
];
