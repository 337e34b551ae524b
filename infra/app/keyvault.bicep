// Holds the app's two secrets, each created once by the postprovision hook (infra/hooks/postprovision.*) from
// random bytes and never rewritten by a deployment: PseudonymKey (the HMAC key of the participant pseudonyms) and
// OdkCollectKey (the password ODK Collect sends). A Bicep-written secret would need the value as a deployment
// parameter, and azd's random-password helper makes 15 characters where the export requires at least 32.
// RBAC authorization, no access policies.
param name string
param location string
param tags object

@description('Purge protection: a deleted vault or secret cannot be purged before its 90 days are over, not even by an owner. Irreversible once on, and it keeps the vault name taken for 90 days after `azd down`.')
param enablePurgeProtection bool

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
    // A deleted key can be recovered for 90 days: losing the pseudonym key would make later exports' pseudonyms
    // unlinkable to earlier ones.
    softDeleteRetentionInDays: 90
    // The property accepts only true (turning it off is refused, as it is irreversible), so "off" leaves it out:
    // then `azd down --purge` can release the name of a trial environment.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
// Without a version: the app follows the latest version of each secret.
output pseudonymKeySecretUri string = '${vault.properties.vaultUri}secrets/PseudonymKey/'
output odkCollectKeySecretUri string = '${vault.properties.vaultUri}secrets/OdkCollectKey/'
