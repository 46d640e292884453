import { defineMessages } from '../../i18n/messages';

export const messages = defineMessages({
  'zh-CN': {
    flags: {
      title: '问题产品',
      description: '投诉集中、跨商家或跨地区、涉及安全事故或监督抽查不合格的产品，附带全部证据。',
      emptyTitle: '暂无预警产品',
      emptyHint: '规则命中时产品会实时出现在这里，您可以据此立案开展专项执法。',
    },
    cases: {
      title: '执法案件',
      description: '由问题产品转立的执法案件：立案、调查、责令整改、召回、结案。',
      emptyTitle: '暂无案件',
      emptyHint: '标记为公开的案件会出现在公众问题产品名单中。',
    },
    public: {
      title: '问题产品公示',
      description: '市场监管部门公开的问题产品及处理进展，购买和使用前请留意。',
      emptyTitle: '暂无公示产品',
      emptyHint: '经调查属实并决定公开的案件会在这里公示。',
    },
  },
  en: {
    flags: {
      title: 'Problem products',
      description:
        'Products with concentrated complaints, spread over merchants or regions, safety incidents or failed sampling, with all their evidence.',
      emptyTitle: 'No flagged products',
      emptyHint: 'Products appear here live when a rule fires; open an enforcement case from a flag.',
    },
    cases: {
      title: 'Enforcement cases',
      description: 'Cases opened from flags: open, investigating, rectification ordered, recall, closed.',
      emptyTitle: 'No cases',
      emptyHint: 'Cases marked public appear on the public problem-product list.',
    },
    public: {
      title: 'Problem products',
      description: 'Problem products published by the market regulators, and what has been done about them.',
      emptyTitle: 'Nothing published',
      emptyHint: 'Cases the regulator confirms and decides to publish are listed here.',
    },
  },
});
