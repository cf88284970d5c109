/**
 * Qualitative (定性) words → the level they state. Negations are checked first, so
 * `未达成` is unmet although it contains `达成`, and `部分完成` is partial although it contains `完成`.
 */
import type { QualLevel, QualitativeValue } from "./types";

const UNMET =
  /未(?:能|达|完成|实现|按|见|落实|满足|符合|开展|执行|建立|形成|到位)|没有|没能|不达标|不符合|不规范|不健全|不完善|不满意|不合格|不及时|不到位|无效|较差|效果差|^差$|^否$|^无$|滞后|延期|逾期|超期/;
const PARTIAL = /部分|基本|一定效果|有一定|^中$|^一般$|初步|有所|尚可|大部分/;
const MET =
  /达成|完成|实现|达到|达标|符合|满足|有效|显著|明显|良好|较好|^好$|效果好|很好|规范|健全|完善|长期|持续|提升|提高|促进|改善|增强|加强|保障|优秀|^优|^良|满意|合格|按时|及时|按期|如期|准时|到位|落实|^是$|^已/;

/**
 * Movement words. A text that reports one thing up and another down (`签约率提高1%体检率下降1%`)
 * states no single level: whether the fall misses the target depends on the target, which the text
 * does not carry. Reading `提高` there as 达成 would judge a score against a level nobody stated.
 */
const RISE = /提高|提升|增加|增长|上升|增收/;
const FALL = /下降|降低|减少|下滑|回落/;

/** The level a qualitative text states, or undefined when the words state none (or contradict). */
export function qualLevel(text: string): QualLevel | undefined {
  if (UNMET.test(text)) return "unmet";
  if (PARTIAL.test(text)) return "partial";
  if (RISE.test(text) && FALL.test(text)) return undefined;
  if (MET.test(text)) return "met";
  return undefined;
}

const GRADES: Record<string, QualitativeValue["grade"]> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  中等: "中",
  一般: "中",
  差: "差",
  较差: "差",
};

/** 优/良/中/差 (and 优秀/良好/中等/一般/较差) as a grade, else undefined. */
export function gradeWord(text: string): QualitativeValue["grade"] {
  return GRADES[text];
}
