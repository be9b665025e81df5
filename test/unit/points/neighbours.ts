// A small county 工作要点 and the ways offices write the same document differently (a reviewer's neighbours of it):
// the responsibility note on its own line, items without their 1. numerals, a line break inside an item, a space
// or a tab after the numeral. Each neighbour must read as the base does.

/** Three levels, a 牵头/配合 note, 责任单位 notes, deadlines of several kinds. */
export const COUNTY_POINTS = [
  '2026年檀溪县政务公开工作要点',
  '一、深化重点领域信息公开',
  '（一）加强政策发布解读',
  '1.围绕县委县政府重大决策部署，及时发布政策文件并同步解读。（牵头单位：县政府办；配合单位：县司法局、县融媒体中心）',
  '2.2026年6月底前，完成本部门政策文件库更新。（责任单位：各乡镇、县直各部门）',
  '（二）做好依申请公开',
  '1.规范依申请公开办理流程，每季度开展一次答复文书质量自查。（责任单位：县政府办）',
  '2.政务公开工作长期坚持，做到应公开尽公开。（责任单位：县直各部门）',
  '3.6月30日前报送上半年工作情况。（责任单位：县直各部门）',
  '4.年内组织开展一次政务公开专题培训。（责任单位：县政府办）',
  '二、加强平台建设',
  '（一）优化政府网站',
  '1.9月底前完成网站栏目调整。（县政府办牵头，县数据局配合）',
].join('\n');

/** Each 1./2. item's line cut in two at `at(line, k)` (a web page's <br>, Word's Shift+Enter). */
export function breakItems(text: string, at: (chars: string[], k: number) => number): string {
  let k = 0;
  return text
    .split('\n')
    .map((l) => {
      if (!/^\d+\./.test(l)) return l;
      const c = [...l];
      const i = at(c, k++);
      return `${c.slice(0, i).join('')}\n${c.slice(i).join('')}`;
    })
    .join('\n');
}

/** Every line hard-wrapped at `width` characters (text copied from a PDF or a narrow web page). */
export function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const chars = [...line];
      const out: string[] = [];
      for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
      return out.join('\n');
    })
    .join('\n');
}
