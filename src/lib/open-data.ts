/**
 * Open data (/data/): which collections are offered as JSON and which as CSV, and what each field
 * means. One list: /data/ shows it as tables, the endpoints serve what it names, the CSV writers
 * use its columns, and test/site checks every field of the data is described here.
 */
import type { CollectionKey } from 'astro:content';
import type { Certificate } from '../schema/catalog.ts';
import type { PolicyDocument } from '../schema/corpus.ts';
import type { SkillRow, SkillRowType } from '../schema/skills.ts';
import type { DocumentStatus } from '../schema/status.ts';
import { type CsvColumn, joinValues } from './csv.ts';
import { spanText } from './format.ts';

/**
 * Collection entries' data in the order of the file ingest wrote (getCollection sorts by id), without
 * the `fileOrder` the collections add (src/content.config.ts): the data as written.
 */
export function inFileOrder<T extends { fileOrder?: number }>(data: readonly T[]): Omit<T, 'fileOrder'>[] {
  return [...data]
    .sort((a, b) => (a.fileOrder ?? 0) - (b.fileOrder ?? 0))
    .map(({ fileOrder: _, ...rest }) => rest);
}

export interface JsonDataset {
  /** File name on the site: /data/<name>.json (same name as in content/generated/). */
  name: string;
  collection: CollectionKey;
  /** The collection is one object (the report), not a list. */
  single?: boolean;
  title: string;
  description: string;
  /** Top-level fields of one entry. */
  fields: Record<string, string>;
}

const SOURCE = '来源位置：来源文件名（file）与行号（line）';
const DOC = '所在文件的 id（/docs/<id>/）';
const ANCHOR = '所在条款的锚点（/docs/<文件>/#<锚点>），无则为 null';

export const JSON_DATASETS: JsonDataset[] = [
  {
    name: 'documents',
    collection: 'documents',
    title: '文件',
    description: '全部政策文件：公文要素与按编号层级切分的条款。',
    fields: {
      id: '文件 id：有文号的由文号生成（教职成〔2019〕6号 → jzc-2019-6），否则由日期和标题生成',
      title: '标题',
      enclosedTitle: '印发/转发通知所附文件的标题，无则为 null',
      docNumber: '发文字号（文号），规范为〔〕、无空格；无则为 null',
      issuers: '发文机关（列表）',
      date: '成文日期 YYYY-MM-DD，无则为 null',
      dateSource: '成文日期在主版本来源中的印刷位置：file、line 与 position（起止行列）；无单独日期行则为 null',
      kind: '文种（通知、方案、公告、公示……）',
      addressees: '主送机关（列表）',
      attachments: '附件说明：每项有 label（附件 1）与 title',
      copiedTo: '抄送、抄报（列表）',
      source: '所在来源文件及起止行；第一项为主版本',
      variants: '每个来源中的版本：标题、文号、日期及与主版本的段落差异',
      overrides: '人工校订：字段、新值、原值、理由、校订文件',
      clauses: '条款树：anchor（锚点）、kind、label（序号）、heading、text、table、source、children',
      law: '法律法规的版本信息：work（作品 id）、name、version（版本日期）、excerpt（是否节选）、history（通过、修正、修订、公布、施行）、effective（施行日期）、status（时效性）、statusNote、current（现行版本所在文件）、repealedBy；非法律法规为 null',
    },
  },
  {
    name: 'works',
    collection: 'works',
    title: '法律法规',
    description: '法律法规作为“作品”：同一部法的各个版本（全文与节选）及其时效性。/docs/<id>/ 显示现行版本（无则最新版本）全文，各版本逐条对照见 /docs/<id>/changes/<旧版本日期>_<新版本日期>/。',
    fields: {
      id: '作品 id：名称的拼音首字母（zhrmghgzyjyf），/docs/<id>/ 显示现行版本',
      name: '名称（不含书名号、节选与版本说明）',
      current: '现行有效版本的文件 id（全文优先，否则节选）；无现行版本（尚未施行或已废止）则为 null',
      status: '时效性：现行有效、已被修订、已废止、尚未施行，或待核实（只收了节选、未收全文）',
      versions: '所收各版本，从旧到新：document（文件 id）、version（版本日期）、excerpt、status',
      asOf: '时效性的判断日期 YYYY-MM-DD',
    },
  },
  {
    name: 'references',
    collection: 'references',
    title: '引用',
    description: '文中对其他文件的引用（《标题》、文号、简称、附件），及其在本库中对应的文件。',
    fields: {
      id: '引用 id：<引用文件>/r<序号>',
      from: '引用文件的 id',
      anchor: '引用所在条款的锚点',
      source: SOURCE,
      field: '引用在条款的标题（heading）还是正文（text）中',
      offset: 'printed 在该字段文字中的起点（按 UTF-16 码元计）',
      kind: '类型：title《标题》、docNumber 文号、alias 简称、attachment 附件',
      printed: '原文印刷形式（含引号、括号、空格）',
      title: '所引标题（去掉书名号），无则为 null',
      docNumber: '所引文号（规范形式），无则为 null',
      target: '被引文件的 id；null 表示本库未收录',
      targetAnchor: '被引条款的锚点（如附件 a2），无则为 null',
      relation: '关系：引用，或转发（本文件转发被引文件）',
    },
  },
  {
    name: 'statuses',
    collection: 'statuses',
    title: '状态',
    description: '文本所载的文件状态（公示、已确认、试行、试运行、实施期），每条都注明依据条款。',
    fields: {
      id: '状态 id：<文件>/<类型>',
      document: '所说明的文件 id',
      kind: '类型：公示、已确认、试行、试运行、实施期',
      label: '列表中显示的简短说明（公示期已结束、已确认……）',
      from: '起始日期，无则为 null',
      to: '截止日期，无则为 null',
      evidence: '依据：所在文件（document）、条款锚点（anchor）、来源位置（source）与原文（text）',
    },
  },
  {
    name: 'keywords',
    collection: 'keywords',
    title: '关键词与相关文件',
    description: '每份文件的关键词（nodejieba 按领域词典切词，TF-IDF 排序），以及共享至少两个关键词的相关文件。',
    fields: {
      id: '文件 id',
      keywords: '关键词，权重从高到低',
      related: '相关文件：文件 id（document）、共享的关键词（shared）与得分（score，共享关键词权重之和）',
    },
  },
  {
    name: 'certificates',
    collection: 'certificates',
    title: '证书',
    description: '职业技能等级证书，合并各名单与联系表。',
    fields: {
      id: '证书 id（名称的拼音首字母）',
      name: '规范名称（不含“职业技能等级证书”）',
      fullName: '全称',
      aliases: '原文中的其他写法',
      organizations: '培训评价组织 id（列表）',
      batch: '试点批次（1、2、3……），未知为 null',
      listings: '证书出现在哪些名单/表格中：文件、条款、行、原文名称与组织、批次、冲突说明',
      standard: '职业技能等级标准 id，无则为 null',
      contacts: '联系表中的联系人、电话、邮箱、地址',
    },
  },
  {
    name: 'organizations',
    collection: 'organizations',
    title: '培训评价组织',
    description: '职业教育培训评价组织。',
    fields: {
      id: '组织 id',
      name: '全称',
      aliases: '原文中的其他写法',
      certificates: '证书 id（列表）',
      batches: '参与的试点批次',
      listings: '出现在哪些名单/表格中（同 certificates.listings）',
    },
  },
  {
    name: 'batches',
    collection: 'batches',
    title: '试点批次',
    description: '首批、第二批、第三批……：公示与确认通知、组织与证书。',
    fields: {
      id: '批次 id：batch-<n>',
      number: '批次序号',
      name: '名称（首批、第二批……）',
      announced: '公示通知（文件 id 或仅被引用时的文号、标题、日期）',
      confirmed: '确认通知（同上）',
      organizations: '组织 id（列表）',
      certificates: '证书 id（列表）',
    },
  },
  {
    name: 'totals',
    collection: 'totals',
    title: '文中所述总数',
    description: '文中写明的证书、组织总数，及与名单实际数目的比较。',
    fields: {
      document: DOC,
      anchor: '所在条款的锚点',
      file: '来源文件',
      line: '行号',
      value: '文中所写的数目',
      of: '所计对象（证书、组织……）',
      batches: '涉及的批次',
      text: '原文',
      listed: '语料名单中同批次的实际数目，无名单为 null',
    },
  },
  {
    name: 'standards',
    collection: 'standards',
    title: '职业技能等级标准',
    description: '标准的前言信息、各等级的条目统计与名词解释。',
    fields: {
      id: '标准 id（证书名的拼音首字母）',
      title: '标准标题',
      certificateName: '证书名称（照标题）',
      document: DOC,
      anchor: '标准在该文件中的条款锚点',
      source: SOURCE,
      codeStyle: '条目代码的写法（连字符、点号或无代码）',
      levels: '各等级（初级/中级/高级）的条目数',
      frontMatter: '前言信息：培训学时、衔接专业、面向对象、考核方式等',
      glossary: '名词解释、术语和定义',
    },
  },
  {
    name: 'skills',
    collection: 'skills',
    title: '技能条目',
    description: '标准中的全部条目：工作领域 → 工作任务 → 职业技能 → 技能要求/知识要求（另有 CSV）。',
    fields: {
      standard: '标准 id',
      certificate: '证书名称（照标准标题）',
      level: '等级：初级、中级、高级、通用',
      code: '代码（照原文，可能含排版错误），无则为 null',
      normalizedCode: '规范代码（去掉多余空格），无则为 null',
      label: '无代码条目的序号（照原文），无则为 null',
      type: '类型：area 工作领域、task 工作任务、skill 职业技能、requirement 技能要求、knowledge 知识要求',
      path: '从工作领域到本条的名称路径',
      text: '内容',
      anchor: '标准内唯一的锚点（/certificates/<证书>/skills/<锚点>/）',
      anchorKind: 'code：锚点即代码；position：原表无代码，锚点只表示位置',
      parent: '上一级条目的锚点，工作领域为 null',
      source: SOURCE,
      flags: '标记：原文代码的问题等',
    },
  },
  {
    name: 'events',
    collection: 'events',
    title: '事件',
    description: '文中的日期事件（成文、公示期、申报、截止、培训……），精度不超过原文。',
    fields: {
      id: '事件 id：<文件>/<锚点>/<日期>',
      date: '日期（YYYY-MM-DD、YYYY-MM 或 YYYY）',
      endDate: '区间的结束日期，无则为 null',
      precision: '精度：day、month、year',
      kind: '类型：成文、公示期、招募、确认、申报、截止、培训、平台、会议、里程碑、部署、施行',
      label: '简短说明',
      printed: '原文日期写法',
      text: '所在句子',
      yearFromDocument: '原文未写年份、取自文件日期时为 true',
      documentId: DOC,
      anchor: ANCHOR,
      source: SOURCE,
      batch: '所属试点批次，无则为 null',
      alsoIn: '其他写到同一事件的位置',
    },
  },
  {
    name: 'batch-steps',
    collection: 'batchSteps',
    title: '批次进程',
    description: '试点的各步：各批次、扩大试点、文中所述的累计总数。',
    fields: {
      id: '步骤 id',
      kind: 'batch 批次、expansion 扩大试点、total 累计总数',
      name: '名称',
      date: '画在时间线上的日期',
      batches: '涉及的批次',
      announced: '公示日期，无则为 null',
      publicity: '公示期起止，无则为 null',
      confirmed: '确认日期，无则为 null',
      certificates: '证书数，未知为 null',
      organizations: '组织数，未知为 null',
      listed: '累计总数对应的名单实际数目，无则为 null',
      notices: '参与的通知（角色、文件、文号、标题、日期、条款）',
      events: '相关事件 id（events.json）',
      documentId: '依据文件 id',
      anchor: ANCHOR,
      source: SOURCE,
    },
  },
  {
    name: 'fees',
    collection: 'fees',
    title: '费用',
    description: '文中的金额：考核费上限、培训费、补贴、拨款……',
    fields: {
      id: '金额 id：<文件>/<锚点>/<序号>',
      amount: '金额（元）',
      printed: '原文写法',
      unit: '单位（元/人次、元/天/人……）',
      purpose: '用途',
      nature: 'cap 上限、price 收费、subsidy 补贴、funding 拨款/资金',
      payer: '付款方，未写为 null',
      payerElsewhere: '文中未写付款方时，他文关于付款方的说法（付款方、文件、条款、原文）',
      recipient: '收款方，未写为 null',
      item: '所属项目（考核形式等），无则为 null',
      itemPrinted: '项目的原文写法，无则为 null',
      bound: 'max 不超过、min 不低于、exact 确数',
      subject: '所涉证书或课程，无则为 null',
      certificate: '证书 id，无则为 null',
      organizer: '制定或收取方，无则为 null',
      repeats: '同一文件中先前写过同一金额时，其 id',
      documentId: DOC,
      anchor: '所在条款的锚点',
      source: SOURCE,
      text: '所在句子或表行',
    },
  },
  {
    name: 'fee-rules',
    collection: 'feeRules',
    title: '费用规则',
    description: '由其他金额计算的规则（混合考核的上限按分值占比加权）。',
    fields: {
      id: '规则 id',
      kind: '规则类型',
      label: '说明',
      unit: '单位',
      components: '参与计算的项目及其上限',
      documentId: DOC,
      anchor: '所在条款的锚点',
      source: SOURCE,
      text: '原文',
    },
  },
  {
    name: 'fee-unclassified',
    collection: 'feeUnclassified',
    title: '未分类金额',
    description: '未能判断用途的金额（应为空；非空时请校订）。',
    fields: {},
  },
  {
    name: 'report',
    collection: 'report',
    single: true,
    title: '整理报告',
    description: '每个来源的行数核算（进入文件、元数据或作为噪声删去）及全部异常（文件:行）。',
    fields: {
      sources: '每个来源：行数及其去向',
      anomalies: '异常：file、line、kind、message',
    },
  },
];

/* ---------- CSV ---------- */

/** A document with what the other collections say about it. */
export interface DocumentRow {
  doc: PolicyDocument;
  statuses: DocumentStatus[];
  /** References out of the document to other documents (resolved or not). */
  cites: number;
  /** Other documents citing it. */
  citedBy: number;
}

export const DOCUMENT_COLUMNS: CsvColumn<DocumentRow>[] = [
  { name: 'id', description: '文件 id（网址 /docs/<id>/）', get: (r) => r.doc.id },
  { name: '标题 title', description: '标题', get: (r) => r.doc.title },
  { name: '文号 docNumber', description: '发文字号（规范形式），无则为空', get: (r) => r.doc.docNumber },
  { name: '成文日期 date', description: 'YYYY-MM-DD，无则为空', get: (r) => r.doc.date },
  { name: '发文机关 issuers', description: '多个以“; ”分隔', get: (r) => joinValues(r.doc.issuers) },
  { name: '文种 kind', description: '通知、方案、公告……', get: (r) => r.doc.kind },
  { name: '所印发文件 enclosedTitle', description: '印发/转发通知所附文件的标题', get: (r) => r.doc.enclosedTitle },
  { name: '主送 addressees', description: '多个以“; ”分隔', get: (r) => joinValues(r.doc.addressees) },
  { name: '附件 attachments', description: '附件标题，多个以“; ”分隔', get: (r) => joinValues(r.doc.attachments.map((a) => (a.label ? `${a.label} ${a.title}` : a.title))) },
  { name: '状态 statuses', description: '文本所载状态（公示期已结束、已确认、试行……），依据见 statuses.json', get: (r) => joinValues(r.statuses.map((s) => s.label)) },
  { name: '引用数 cites', description: '本文件引用其他文件的次数（含本库未收录的）', get: (r) => r.cites },
  { name: '被引文件数 citedBy', description: '引用本文件的其他文件数', get: (r) => r.citedBy },
  { name: '来源 source', description: '来源文件:起始行–结束行（PDF 来源写作页码与页内行号），多个以“; ”分隔，第一项为主版本', get: (r) => joinValues(r.doc.source.map((s) => (s.startPage === undefined ? `${s.file}:${s.startLine}–${s.endLine}` : spanText(s)))) },
  { name: '时效性 lawStatus', description: '法律法规的文本：现行有效、已被修订、已废止、尚未施行、待核实（依据见 documents.json 的 law）；其他文件为空', get: (r) => r.doc.law?.status },
  { name: '版本日期 lawVersion', description: '法律法规文本的版本（最近一次通过、修正或修订的日期，YYYY-MM-DD）；节选为其所照录的版本', get: (r) => r.doc.law?.version },
  { name: '施行日期 lawEffective', description: '附则所载施行日期（YYYY-MM-DD），未载为空', get: (r) => r.doc.law?.effective },
  { name: '法规 lawWork', description: '法律法规的作品 id（网址 /docs/<id>/ 显示其现行文本；各版本同一 id）', get: (r) => r.doc.law?.work },
];

/** A certificate with its organisations' names. */
export interface CertificateRow {
  cert: Certificate;
  organizationNames: string[];
}

export const CERTIFICATE_COLUMNS: CsvColumn<CertificateRow>[] = [
  { name: 'id', description: '证书 id（网址 /certificates/<id>/）', get: (r) => r.cert.id },
  { name: '名称 name', description: '规范名称（不含“职业技能等级证书”）', get: (r) => r.cert.name },
  { name: '全称 fullName', description: '全称', get: (r) => r.cert.fullName },
  { name: '批次 batch', description: '试点批次（1、2、3……），未知为空', get: (r) => r.cert.batch },
  { name: '培训评价组织 organizations', description: '组织全称，多个以“; ”分隔', get: (r) => joinValues(r.organizationNames) },
  { name: '组织 id organizationIds', description: '组织 id，多个以“; ”分隔', get: (r) => joinValues(r.cert.organizations) },
  { name: '标准 standard', description: '职业技能等级标准 id，无则为空', get: (r) => r.cert.standard },
  { name: '别名 aliases', description: '原文中的其他写法，多个以“; ”分隔', get: (r) => joinValues(r.cert.aliases) },
  { name: '出处 listedIn', description: '列出该证书的文件 id，多个以“; ”分隔', get: (r) => joinValues([...new Set(r.cert.listings.map((l) => l.document))]) },
];

const SKILL_TYPE_NAME: Record<SkillRowType, string> = { area: '工作领域', task: '工作任务', skill: '职业技能', requirement: '技能要求', knowledge: '知识要求' };

export const SKILL_COLUMNS: CsvColumn<SkillRow>[] = [
  { name: '标准 standard', description: '标准 id', get: (r) => r.standard },
  { name: '证书 certificate', description: '证书名称（照标准标题）', get: (r) => r.certificate },
  { name: '等级 level', description: '初级、中级、高级、通用', get: (r) => r.level },
  { name: '工作领域 area', description: '所属工作领域', get: (r) => r.path[0] ?? null },
  { name: '工作任务 task', description: '所属工作任务', get: (r) => r.path[1] ?? null },
  { name: '职业技能 skill', description: '所属职业技能', get: (r) => r.path[2] ?? null },
  { name: '类型 type', description: '工作领域、工作任务、职业技能、技能要求、知识要求', get: (r) => SKILL_TYPE_NAME[r.type] },
  { name: '代码 code', description: '代码（照原文，可能含排版错误）', get: (r) => r.code },
  { name: '规范代码 normalizedCode', description: '去掉多余空格的代码', get: (r) => r.normalizedCode },
  { name: '序号 label', description: '无代码条目的序号（照原文）', get: (r) => r.label },
  { name: '内容 text', description: '条目内容', get: (r) => r.text },
  { name: '锚点 anchor', description: '标准内唯一的锚点（/certificates/<证书>/skills/<锚点>/）', get: (r) => r.anchor },
  { name: '锚点类别 anchorKind', description: '代码：锚点即代码；位置：原表无代码，锚点只表示位置，不是官方代码', get: (r) => (r.anchorKind === 'code' ? '代码' : '位置') },
  { name: '来源文件 file', description: '来源文件名', get: (r) => r.source.file },
  { name: '行 line', description: '来源行号；PDF 来源写作“第 N 页第 M 行”（物理页码，页内行号）', get: (r) => (r.source.page === undefined ? r.source.line : `第 ${r.source.page} 页第 ${r.source.line} 行`) },
  { name: '标记 flags', description: '原文代码的问题等，多个以“;”分隔', get: (r) => r.flags.join(';') },
];

export interface CsvDataset {
  name: string;
  title: string;
  description: string;
  columns: readonly CsvColumn<never>[];
}

export const CSV_DATASETS: CsvDataset[] = [
  { name: 'documents', title: '文件', description: '每份文件一行。', columns: DOCUMENT_COLUMNS },
  { name: 'certificates', title: '证书', description: '每个证书一行。', columns: CERTIFICATE_COLUMNS },
  { name: 'skills', title: '技能条目', description: '标准中的每个条目一行。', columns: SKILL_COLUMNS },
];
