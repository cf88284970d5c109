/**
 * The documents the built-in rule sets come from (rules-reference.md §0–§3). A rule set names its
 * sources, so a user sees whether a rule is law, advice or what a platform happens to do.
 */
const AW = "《预算绩效管理政策法规汇编（第四版）》（昭元绩效），zhuatuyu/autowriter c12cfed";
const PK = "财政部预算管理一体化平台绩效模块（gov.mof.fasp2.pmkpi）源码";

export const SOURCES = {
  mof2020: {
    document: "《项目支出绩效评价管理办法》",
    docNo: "财预〔2020〕10号",
    year: 2020,
    where: `${AW} 第 968–1126 行`,
    clause: "第十三条（权重）、第十六条（计分）、第十八条（等级）",
  },
  mof2021_101: {
    document: "《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》",
    docNo: "财预〔2021〕101号",
    year: 2021,
    where: `${AW} 第 1720–1734 行`,
    clause: "§三(六) 指标分值权重、§三(七) 赋分规则",
  },
  platformScoring: {
    document: "自评自动计算得分规则（PERF_T_WARNSET）",
    where: `${PK}，源码 id 54848695388、54504033813、54547212816`,
  },
  platformTotal: {
    document: "自评总分与等级（selfscoreproject / selfresultproject）",
    where: `${PK}，源码 id 54647283312（版本 A）、54863117311 与 54723790299（版本 B）、55005307643（版本 C）`,
  },
  sichuan2023: {
    document: "部门预算项目支出绩效自评表（2023年度），报表编码 510000_0013zp",
    year: 2023,
    where: "https://www.scqs.gov.cn/info/13206/211004.htm（青神县发改局填报）",
  },
  henanBond: {
    document: "《河南省政府专项债券项目资金绩效管理办法》",
    year: 2022,
    where: `${AW} 第 3786–3975 行`,
    clause: "第二十二条（权重）、第二十五条（等级）",
  },
  d33: {
    document: "《预算管理一体化平台绩效自评操作手册（单位、部门、财政）》",
    year: 2022,
    where: "https://desk33.com/d-565511.html（文档分享站，所属地区不详）",
  },
  mof2016: {
    document: "《关于开展中央部门项目支出绩效自评工作的通知》",
    year: 2016,
    where: "http://baike.taxrefund.com.cn/html/fg/2016/11/20161117135128-29452.html（转载）",
  },
  domain: {
    document: "项目组整理的已发布自评表版式（domain.md）",
    where: "shared/domain.md “Other rule sets”：执行率 20 + 指标 80、10 + 90、部门整体等",
  },
} as const;
