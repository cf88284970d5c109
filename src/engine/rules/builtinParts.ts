/** Pieces the built-in rule sets share: the usual 二级, aliases, bands, grade cut-offs. */

/** The usual 二级 under each 一级 (domain.md), shared by the rule sets that use these 一级. */
export const LEVEL2 = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  产出指标无成本: ["数量指标", "质量指标", "时效指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  满意度指标: ["服务对象满意度指标"],
} as const;

export const ALIASES = {
  产出指标: ["产出"],
  效益指标: ["效益", "效果指标"],
  满意度指标: ["满意度", "满意度指标"],
  成本指标: ["成本"],
};

/** 财政部 2020 bands: 达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight. */
export const BANDS_80_60 = { metFloor: 0.8, partialFloor: 0.6, partialDefault: 0.7, unmetDefault: 0.3 };
/** Some provinces: 达成 80–100%, 部分达成 50–80%, 未达成 0–50%. */
export const BANDS_80_50 = { metFloor: 0.8, partialFloor: 0.5, partialDefault: 0.65, unmetDefault: 0.25 };

export const GRADES_90_80_60 = { excellent: 90, good: 80, pass: 60 };
export const GRADES_80_70_60 = { excellent: 80, good: 70, pass: 60 };

export function projectLevel1(output: number, benefit: number, satisfaction: number) {
  return [
    { name: "产出指标", aliases: ALIASES.产出指标, weight: output, level2: [...LEVEL2.产出指标] },
    { name: "效益指标", aliases: ALIASES.效益指标, weight: benefit, level2: [...LEVEL2.效益指标] },
    { name: "满意度指标", aliases: ALIASES.满意度指标, weight: satisfaction, level2: [...LEVEL2.满意度指标] },
  ];
}

/** 成本指标 as a 一级 of its own (101号, 河南专项债): less is better. */
export function costLevel1(weight: number) {
  return { name: "成本指标", aliases: ALIASES.成本指标, weight, level2: [...LEVEL2.成本指标], lessIsBetter: true };
}

/** 产出 / 成本 / 效益 / 满意度 with 成本 as its own 一级 (so 产出's 二级 leave 成本 out). */
export function level1WithCost(output: number, cost: number, benefit: number, satisfaction: number) {
  return [
    { name: "产出指标", aliases: ALIASES.产出指标, weight: output, level2: [...LEVEL2.产出指标无成本] },
    costLevel1(cost),
    { name: "效益指标", aliases: ALIASES.效益指标, weight: benefit, level2: [...LEVEL2.效益指标] },
    { name: "满意度指标", aliases: ALIASES.满意度指标, weight: satisfaction, level2: [...LEVEL2.满意度指标] },
  ];
}

/** 10号 weights and bands: the base most sets below change only a part of. */
export const BASE_2020 = {
  form: "project",
  executionWeight: 10,
  level1: projectLevel1(50, 30, 10),
  total: 100,
  qualitativeBands: BANDS_80_60,
  grades: GRADES_90_80_60,
  reverseRule: "linear",
  overAchievementRatio: 1.2,
} as const;
