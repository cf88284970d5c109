/**
 * The three templates as data: which sections in which order, column widths and every label.
 * The renderer (render.ts) knows how to draw each section kind; adding a template variant is
 * adding an object here. Labels follow the published forms in ../shared/seeds/001 so the
 * engine's form detection reads a filled template like a unit's own form.
 */
export type TemplateKind = "project" | "department" | "department-gs";

export type SectionKind =
  | "title"
  | "projectHeader"
  | "departmentHeader"
  | "funds"
  | "goal"
  | "tasks"
  | "execIndicator"
  | "indicators"
  | "notes"
  | "total";

export interface TemplateDefinition {
  kind: TemplateKind;
  title: string;
  /** Default sheet name (a clash gets " (2)"). */
  sheetName: string;
  /** Rule set used when the caller names none. */
  defaultRuleSetId: string;
  /** Column widths in characters, A.. (the form is 10 columns wide). */
  widths: number[];
  sections: SectionKind[];
  /** Empty task rows in the 部门年度重点工作任务 table. */
  taskRows?: number;
}

export const LABELS = {
  projectName: "项目名称",
  competent: "主管部门",
  implementer: "实施单位",
  departmentName: "部门名称",
  funds: "项目资金（万元）",
  fundsHeader: ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  fundsRows: ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"],
  goal: "年度总体目标",
  goalExpected: "预期目标",
  goalActual: "实际完成情况",
  tasksTitle: "部门年度重点工作任务",
  taskHeader: [
    "任务名称",
    "项目级次",
    "主要内容",
    "批复金额（万元）",
    "实际支出金额（万元）",
    "预算执行率",
    "预算执行偏低原因及改进措施",
  ],
  taskSubHeader: ["总额", "财政拨款", "其他资金"],
  taskSum: "合计",
  indicatorsTitle: "部门整体支出绩效指标",
  indicatorGroup: "绩效指标",
  targetGroup: "年度指标值",
  indicatorHeader: ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
  actual: "实际完成值",
  weight: "分值",
  score: "得分",
  reason: "偏差原因分析及改进措施",
  execIndicator: { level1: "预算执行率", level2: "预算执行率", level3: "部门预算执行率" },
  notes: "其他需要说明事项",
  total: "总分",
  natures: ["≥", "≤", "=", ">", "<", "定性"],
  dash: "—",
} as const;

const WIDTHS = [12, 14, 30, 10, 12, 10, 12, 8, 8, 28];

export const TEMPLATES: Record<TemplateKind, TemplateDefinition> = {
  project: {
    kind: "project",
    title: "项目支出绩效自评表",
    sheetName: "项目支出绩效自评表",
    defaultRuleSetId: "mof-2020",
    widths: WIDTHS,
    sections: ["title", "projectHeader", "funds", "goal", "indicators", "notes", "total"],
  },
  department: {
    kind: "department",
    title: "部门整体支出绩效自评表",
    sheetName: "部门整体支出绩效自评表",
    defaultRuleSetId: "mof-2020",
    widths: WIDTHS,
    sections: ["title", "departmentHeader", "tasks", "execIndicator", "indicators", "notes", "total"],
    taskRows: 5,
  },
  "department-gs": {
    kind: "department-gs",
    title: "部门整体支出绩效自评表",
    sheetName: "部门整体支出绩效自评表",
    defaultRuleSetId: "dept-gs",
    widths: WIDTHS,
    sections: ["title", "departmentHeader", "tasks", "execIndicator", "indicators", "notes", "total"],
    taskRows: 5,
  },
};

export const TEMPLATE_KINDS = Object.keys(TEMPLATES) as TemplateKind[];
