import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

/** Provider home → services → packages → org_versions, as on the provider's own site. */
const sidebars: SidebarsConfig = {
  provider: [
    'index',
    {
      type: 'category',
      label: 'services',
      collapsible: false,
      items: [
        {
          type: 'category',
          label: 'packages',
          link: { type: 'doc', id: 'services/packages/index' },
          items: ['services/packages/org_versions'],
        },
      ],
    },
  ],
};

export default sidebars;
