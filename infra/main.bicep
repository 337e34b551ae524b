// Everything `azd up` provisions for the attendance backend, in one resource group:
// a Flex Consumption Functions app (dotnet-isolated 10.0) running as a user-assigned identity, which reaches
// storage, Key Vault and Application Insights with Entra ID tokens only: no account key and no
// instrumentation key exists anywhere in the deployment.
//
// Native resource types pinned to API versions rather than Azure Verified Modules: there is no Bicep CLI or
// registry access where this repository is built, so a module's parameters could not be checked, and the
// modules' interfaces change between versions (web/site moved app settings from appSettingsKeyValuePairs
// to configs). Every property below can be read against the ARM reference for its API version.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('The azd environment name; it names the resource group and seeds the unique names of the resources.')
param environmentName string

@minLength(1)
@description('Azure region with Flex Consumption (`az functionapp list-flexconsumption-locations`); southeastasia is the closest to Indonesia.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person or pipeline running `azd up`: it may read the exported files and set or read the pseudonym key. Empty: no access for them.')
param principalId string = ''

@description('Comma-separated browser origins of forms hosted elsewhere that post with fetch (CORS), e.g. https://perpusnas.go.id. Empty: none. The venue form is served by the app itself and needs no entry; Power Automate and KoboToolbox post server-to-server and need none either.')
param formOrigins string = ''

@description('When the nightly export runs: 6-field NCRONTAB, seconds first, UTC. Default 19:00 UTC = 02:00 WIB.')
param exportSchedule string = '0 0 19 * * *'

@description('Whether the analytics files carry participant names (default: pseudonymous key only).')
param exportIncludeNames bool = false

@description('The blob container the nightly export writes (Delta tables for Power BI).')
param analyticsContainerName string = 'analytics'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    hostAccountName: 'stfn${resourceToken}'
    dataAccountName: 'stdata${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${take(functionAppName, 32)}'
    analyticsContainerName: analyticsContainerName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    hostStorageAccountName: storage.outputs.hostAccountName
    dataStorageAccountName: storage.outputs.dataAccountName
    analyticsContainerName: analyticsContainerName
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module api 'app/function-app.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostBlobEndpoint: storage.outputs.hostBlobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    dataTableEndpoint: storage.outputs.dataTableEndpoint
    dataBlobEndpoint: storage.outputs.dataBlobEndpoint
    analyticsContainerName: analyticsContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    pseudonymKeySecretUri: keyVault.outputs.pseudonymKeySecretUri
    exportSchedule: exportSchedule
    exportIncludeNames: exportIncludeNames
    formOrigins: empty(formOrigins) ? [] : map(split(formOrigins, ','), origin => trim(origin))
  }
  // The app's first start reads storage and the Key Vault reference: grant the roles before it exists.
  dependsOn: [
    rbac
  ]
}

// Outputs become azd environment values (.azure/<env>/.env). None of them is a secret. The pseudonym key is
// created in Key Vault by the postprovision hook (infra/hooks), never passing through a deployment.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_APP_URL string = api.outputs.url
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_DATA_STORAGE_ACCOUNT string = storage.outputs.dataAccountName
output AZURE_ANALYTICS_URL string = '${storage.outputs.dataBlobEndpoint}${analyticsContainerName}'
