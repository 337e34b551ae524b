// Holds the pseudonym key. RBAC authorization (no access policies): the app's identity is a Secrets User,
// and the app setting is a Key Vault reference, so the key never appears in app settings or outputs.
param name string
param location string
param tags object

@secure()
param pseudonymKey string

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

  resource pseudonymKeySecret 'secrets' = {
    name: 'PseudonymKey'
    properties: {
      value: pseudonymKey
      contentType: 'HMAC key of the participant pseudonyms in the analytics files'
    }
  }
}

output name string = vault.name
// Without a version: the app follows the latest version of the secret.
output pseudonymKeySecretUri string = vault::pseudonymKeySecret.properties.secretUri
