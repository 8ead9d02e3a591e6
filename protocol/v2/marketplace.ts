// The marketplace family: registering, removing and refreshing plugin marketplaces (catalogs of
// plugins fetched from a Git repository or a local folder).
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const MarketplaceAddParams = v2('MarketplaceAddParams', t.object({
  source: t.describe('Where the marketplace comes from: a Git repository (URL or GitHub `owner/repo`) or a local path.', t.string()),
  refName: t.option(t.string(), { description: 'Git branch, tag or commit to check out; the repository\'s default when absent.' }),
  sparsePaths: t.option(t.array(t.string()), { description: 'Paths inside the repository to check out sparsely; the whole repository when absent.' }),
}), 'Parameters of `marketplace/add`, which registers a plugin marketplace in the user configuration.')

export const MarketplaceAddResponse = v2('MarketplaceAddResponse', t.object({
  marketplaceName: t.describe('Name of the marketplace, as declared by its manifest.', t.string()),
  installedRoot: t.describe('Local directory that holds the marketplace.', t.ref('AbsolutePathBuf')),
  alreadyAdded: t.describe('True when this marketplace was registered already and nothing changed.', t.boolean()),
}), 'Result of `marketplace/add`.')

export const MarketplaceRemoveParams = v2('MarketplaceRemoveParams', t.object({
  marketplaceName: t.describe('Name of the marketplace to remove.', t.string()),
}), 'Parameters of `marketplace/remove`, which unregisters a marketplace.')

export const MarketplaceRemoveResponse = v2('MarketplaceRemoveResponse', t.object({
  marketplaceName: t.describe('Name of the marketplace that was removed.', t.string()),
  installedRoot: t.option(t.ref('AbsolutePathBuf'), { description: 'Local directory that was removed with it; null when there was none.' }),
}), 'Result of `marketplace/remove`.')

export const MarketplaceUpgradeParams = v2('MarketplaceUpgradeParams', t.object({
  marketplaceName: t.option(t.string(), { description: 'Marketplace to refresh; every registered marketplace when absent.' }),
}), 'Parameters of `marketplace/upgrade`, which fetches the latest contents of registered marketplaces.')

export const MarketplaceUpgradeResponse = v2('MarketplaceUpgradeResponse', t.object({
  selectedMarketplaces: t.describe('Names of the marketplaces the request covered.', t.array(t.string())),
  upgradedRoots: t.describe('Local directories whose contents were updated.', t.array(t.ref('AbsolutePathBuf'))),
  errors: t.describe('Marketplaces that could not be refreshed, with the reason; the others are still refreshed.', t.array(t.ref('MarketplaceUpgradeErrorInfo'))),
}), 'Result of `marketplace/upgrade`.')

export const MarketplaceUpgradeErrorInfo = v2('MarketplaceUpgradeErrorInfo', t.object({
  marketplaceName: t.describe('Marketplace that failed to refresh.', t.string()),
  message: t.describe('What went wrong.', t.string()),
}), 'A marketplace that `marketplace/upgrade` could not refresh.')
