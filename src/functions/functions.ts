/**
 * The JX.* custom functions Excel registers (namespace JX comes from manifest.xml).
 *
 * Each function is JSDoc (read by CustomFunctionsMetadataPlugin into functions.json: Chinese
 * descriptions and argument tooltips) plus one call into ./jx, which adapts the arguments and
 * calls the engine. Failures become `#VALUE!` with the Chinese reason. The plugin appends the
 * `CustomFunctions.associate(...)` calls at build time to functions.js only (the copy taskpane.html
 * loads is reached through onDemand.ts' stand-ins, associated once), so this file has no
 * registration code and can be imported in node (jest, HyperFormula) as is.
 *
 * Range parameters are declared as matrices (`any[][]`): a single cell then arrives as [[v]] and
 * the 1×1 result shows as a plain value; a column arrives as n×1 and the result spills.
 */
import { Failure, jxExecRate, jxExecScore, jxExplain, jxGrade, jxIndicatorScore, jxParseValue, type Cell } from "./jx";
import { awaitsImportedRules, loadImportedRules } from "./importedRules";
import { valueError, workbookRules, type ExcelValueError } from "./runtime";

type ExcelCell = number | string | ExcelValueError;

function toExcel(cell: Cell): ExcelCell {
  return cell instanceof Failure ? valueError(cell.message) : cell;
}

function gridToExcel(grid: Cell[][]): ExcelCell[][] {
  return grid.map((row) => row.map(toExcel));
}

type Rules = ReturnType<typeof workbookRules>;

/**
 * Computes under the workbook's rules. A workbook carrying an imported rule set needs its
 * validator, which loads on first use: then the result is a Promise (Excel shows #BUSY! for that
 * moment), typed as the plain result because Excel reads the declared type for functions.json.
 * Every other call stays synchronous.
 */
function withWorkbookRules<T>(compute: (rules: Rules) => T): T {
  const rules = workbookRules();
  if (!awaitsImportedRules(rules)) return compute(rules);
  const later = loadImportedRules().then(
    () => compute(rules),
    () => compute(rules), // not loaded: each cell says so (jx's importedRulesUnavailable)
  );
  return later as unknown as T;
}

/**
 * 预算执行率 = 全年执行数 ÷ 全年预算数（不取整、不封顶，超过 100% 原样返回）。预算数为空、不是数字或 ≤ 0 时返回 #VALUE!。
 * @customfunction EXECRATE
 * @param 全年预算数 全年预算数（A），单位万元
 * @param 全年执行数 全年执行数（B），单位万元
 * @returns 执行率（小数，请设为百分比格式）
 */
export function EXECRATE(全年预算数: any, 全年执行数: any): any {
  return toExcel(jxExecRate(全年预算数, 全年执行数));
}

/**
 * 预算执行率得分：按评分规则计算（默认 = 分值 × min(执行率, 1)，四舍五入到 2 位小数；101号等规则按分段）。
 * @customfunction EXECSCORE
 * @param 全年预算数 全年预算数（A），单位万元
 * @param 全年执行数 全年执行数（B），单位万元
 * @param [分值] 预算执行率的分值，省略时按规则集（通常为 10）
 * @param [规则] 规则集编号；省略时用本工作簿在任务窗格中选定的规则集，否则用默认规则
 * @returns 预算执行率得分
 */
export function EXECSCORE(全年预算数: any, 全年执行数: any, 分值?: any, 规则?: string): any {
  return withWorkbookRules((rules) => toExcel(jxExecScore(全年预算数, 全年执行数, 分值, 规则, rules)));
}

/**
 * 按评分规则计算一个绩效指标的得分（2 位小数，不超过分值）。前四个参数可以是整列区域，结果按行溢出。
 * @customfunction INDICATORSCORE
 * @param 指标性质 ≥ > ≤ < = ﹦ ＝ 正向 反向 等于 大于等于 小于等于 定量 定性；指标值里已写运算符（如 ≥95%）时可留空
 * @param 指标值 年度指标值（A）：数字、95%、≥95%、1-2次、12个月、优、达成预期指标…
 * @param 实际完成值 实际完成值（B）
 * @param 分值 该指标的分值（权重）
 * @param [度量单位] 度量单位，如 % 次 个 万元
 * @param [规则] 规则集编号；省略时用本工作簿在任务窗格中选定的规则集，否则用默认规则
 * @param [一级指标] 该行的一级指标名称（如 满意度指标）；与二级、三级一起让函数按名称计分：满意度按规则集的满意度分段、满意度/合格率超过 100% 不计分、成本指标默认越低越好
 * @param [二级指标] 该行的二级指标名称
 * @param [三级指标] 该行的三级指标名称
 * @returns 得分；整列输入时返回一列得分
 */
export function INDICATORSCORE(
  指标性质: any[][],
  指标值: any[][],
  实际完成值: any[][],
  分值: any[][],
  度量单位?: any[][],
  规则?: string,
  一级指标?: any[][],
  二级指标?: any[][],
  三级指标?: any[][],
): any[][] {
  const names = { level1: 一级指标, level2: 二级指标, level3: 三级指标 };
  return withWorkbookRules((rules) =>
    gridToExcel(
      jxIndicatorScore(
        { nature: 指标性质, target: 指标值, actual: 实际完成值, weight: 分值, unit: 度量单位, ruleSet: 规则, ...names },
        rules,
      ),
    ),
  );
}

/**
 * 按总分评定等级：优 / 良 / 中 / 差（默认 ≥90 优，≥80 良，≥60 中，含下限）。
 * @customfunction GRADE
 * @param 总分 总分（预算执行率得分 + 各指标得分）
 * @param [规则] 规则集编号；省略时用本工作簿选定的规则集，否则用默认规则
 * @returns 等级
 */
export function GRADE(总分: any, 规则?: string): any {
  return withWorkbookRules((rules) => toExcel(jxGrade(总分, 规则, rules)));
}

/**
 * 显示评分引擎如何读取一个值：返回一行三格（运算符 | 数值 | 单位）；区间、期限、定性值在第一格写明类别。
 * @customfunction PARSEVALUE
 * @param 文本 要读取的指标值或实际完成值，如 ≥95%、1-2次、2024年12月底之前完成
 * @returns 一行三格：运算符、数值、单位
 */
export function PARSEVALUE(文本: any): any[][] {
  return gridToExcel(jxParseValue(文本));
}

/**
 * 用一句话说明该指标为什么得这个分；无法评分时说明原因。
 * @customfunction EXPLAIN
 * @param 指标性质 ≥ > ≤ < = ﹦ ＝ 正向 反向 等于 大于等于 小于等于 定量 定性；指标值里已写运算符时可留空
 * @param 指标值 年度指标值（A）
 * @param 实际完成值 实际完成值（B）
 * @param 分值 该指标的分值（权重）
 * @param [度量单位] 度量单位，如 % 次 个 万元
 * @param [规则] 规则集编号；省略时用本工作簿选定的规则集，否则用默认规则
 * @param [一级指标] 该行的一级指标名称（如 满意度指标）；与二级、三级一起让函数按名称计分：满意度按规则集的满意度分段、满意度/合格率超过 100% 不计分、成本指标默认越低越好
 * @param [二级指标] 该行的二级指标名称
 * @param [三级指标] 该行的三级指标名称
 * @returns 一句中文说明
 */
export function EXPLAIN(
  指标性质: any[][],
  指标值: any[][],
  实际完成值: any[][],
  分值: any[][],
  度量单位?: any[][],
  规则?: string,
  一级指标?: any[][],
  二级指标?: any[][],
  三级指标?: any[][],
): any[][] {
  const names = { level1: 一级指标, level2: 二级指标, level3: 三级指标 };
  return withWorkbookRules((rules) =>
    gridToExcel(
      jxExplain(
        { nature: 指标性质, target: 指标值, actual: 实际完成值, weight: 分值, unit: 度量单位, ruleSet: 规则, ...names },
        rules,
      ),
    ),
  );
}
