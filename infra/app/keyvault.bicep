// Holds the pseudonym key (secret PseudonymKey). RBAC authorization, no access policies. The secret is created
// once by the postprovision hook (infra/hooks/postprovision.*) with 48 random bytes and never rewritten: a
// Bicep-written secret would need the value as a deployment parameter, and azd's random-password helper makes
// 15 characters where the export requires at least 32.
param name string
param location string
param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // A deleted key can be recovered for 90 days: losing it would make later exports' pseudonyms unlinkable
    // to earlier ones. Purge protection stays off so `azd down --purge` can release the name.
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
// Without a version: the app follows the latest version of the secret.
output pseudonymKeySecretUri string = '${vault.properties.vaultUri}secrets/PseudonymKey/'
