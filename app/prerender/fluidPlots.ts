/**
 * The pre-rendered page's plots, drawn at the width the page was rendered for (an SVG of fixed width and height),
 * given a viewBox (if they have none) and marked (`data-still-svg`), so that without JavaScript they shrink to a narrow screen whole
 * (styles.css) instead of being cut off at its edge. With JavaScript nothing changes: a section's live plots are
 * drawn at the screen's width as it nears the screen.
 */
export function fluidPlots(html: string): string {
  return html.replace(/<svg\b([^>]*)>/g, (tag: string, attrs: string) => {
    if (!/\sclass="[^"]*\b(plot-svg|quantile-chart|recharts-surface)\b/.test(attrs)) return tag;
    if (/\sviewBox=/.test(attrs)) return `<svg${attrs} data-still-svg="">`;
    const width = /\swidth="(\d+(?:\.\d+)?)"/.exec(attrs)?.[1];
    const height = /\sheight="(\d+(?:\.\d+)?)"/.exec(attrs)?.[1];
    if (!width || !height) return tag;
    return `<svg${attrs} viewBox="0 0 ${width} ${height}" data-still-svg="">`;
  });
}
