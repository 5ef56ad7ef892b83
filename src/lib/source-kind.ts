/** How a source's `kind` (content/sources/sources.yaml, SourceManifestEntry) is named on the site. */
const KIND_NAMES: Record<string, string> = {
  notice: '通知类文件',
  compilation: '政策汇编',
  standard: '标准',
  list: '名单',
  law: '法律',
  other: '其他',
};

export function sourceKindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind;
}
