/** Shared layout: one column that still reads at 320 px (the narrowest Excel task pane). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    minWidth: "0",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
  },
  panel: { display: "flex", flexDirection: "column", gap: "10px", minWidth: "0" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  // 14 px, also where Fluent would draw a hint at 12 (a Field's hint): Chinese text needs 14.
  hint: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  list: { listStyleType: "none", margin: "0", padding: "0", display: "flex", flexDirection: "column", gap: "4px" },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    // 14 px: the smallest size Chinese text stays legible at.
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    // The focus ring goes outside the box, so the severity edge stays visible under it.
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
    ":disabled": { cursor: "default" },
  },
  current: { boxShadow: `inset 0 0 0 2px ${tokens.colorBrandStroke1}` },
  badge: {
    display: "inline-block",
    marginRight: "6px",
    padding: "0 4px",
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  // The marks' own fills (the same colours the sheet shows), with dark text for contrast.
  badgeerror: { backgroundColor: "#FFC7CE", color: "#9C0006" },
  badgewarning: { backgroundColor: "#FFEB9C", color: "#7A5B00" },
  badgeinfo: { backgroundColor: "#DDEBF7", color: "#1F4E79" },
  fresh: { marginLeft: "6px", color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  fullLabel: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  verdict: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  plainList: { margin: "4px 0 8px", paddingLeft: "18px", fontSize: tokens.fontSizeBase300 },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px" },
  legend: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px", fontSize: tokens.fontSizeBase300 },
  // A coloured edge says the severity at a glance, as the marks in the sheet do.
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorPaletteBlueBorderActive}` },
  cell: { fontWeight: tokens.fontWeightSemibold, marginRight: "6px" },
  // A long rule-set label must not widen the pane: the select shrinks and its text is cut.
  field: { minWidth: "0", gridTemplateColumns: "minmax(0, 1fr)" },
  select: { minWidth: "0", maxWidth: "100%", width: "100%" },
  selectInner: { minWidth: "0", textOverflow: "ellipsis" },
  scroll: { maxHeight: "320px", overflowY: "auto" },
});
