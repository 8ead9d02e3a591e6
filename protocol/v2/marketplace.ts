// The marketplace family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const MarketplaceAddParams = v2('MarketplaceAddParams', t.object({
  source: t.string(),
  refName: t.option(t.string()),
  sparsePaths: t.option(t.array(t.string())),
}))

export const MarketplaceAddResponse = v2('MarketplaceAddResponse', t.object({
  marketplaceName: t.string(),
  installedRoot: t.ref('AbsolutePathBuf'),
  alreadyAdded: t.boolean(),
}))

export const MarketplaceRemoveParams = v2('MarketplaceRemoveParams', t.object({
  marketplaceName: t.string(),
}))

export const MarketplaceRemoveResponse = v2('MarketplaceRemoveResponse', t.object({
  marketplaceName: t.string(),
  installedRoot: t.option(t.ref('AbsolutePathBuf')),
}))

export const MarketplaceUpgradeParams = v2('MarketplaceUpgradeParams', t.object({
  marketplaceName: t.option(t.string()),
}))

export const MarketplaceUpgradeResponse = v2('MarketplaceUpgradeResponse', t.object({
  selectedMarketplaces: t.array(t.string()),
  upgradedRoots: t.array(t.ref('AbsolutePathBuf')),
  errors: t.array(t.ref('MarketplaceUpgradeErrorInfo')),
}))

export const MarketplaceUpgradeErrorInfo = v2('MarketplaceUpgradeErrorInfo', t.object({
  marketplaceName: t.string(),
  message: t.string(),
}))
