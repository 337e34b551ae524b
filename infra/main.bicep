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

// Regions with both a Flex Consumption plan and zone-redundant storage (the data account is Standard_ZRS): the
// Flex Consumption regions of Azure-Samples/functions-quickstart-dotnet-azd infra/main.bicep (read 2026-12-04) that
// are also on Microsoft's list of regions with ZRS for general-purpose v2 accounts, so northcentralus,
// westcentralus and the eastus2euap canary are left out. A region outside the list is refused before anything is
// created, instead of failing half-way. Flex Consumption keeps reaching new regions: add one here once
// `az functionapp list-flexconsumption-locations` and the ZRS list both name it.
@minLength(1)
@description('Azure region with Flex Consumption and zone-redundant storage; southeastasia is the closest to Indonesia.')
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westeurope'
  'westus2'
])
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

@description('The public address the sign-in links and QR codes start with, e.g. a custom domain https://hadir.example.go.id. Empty: the app\'s own https://<default host name>.')
param publicBaseUrl string = ''

@description('The data-protection contact every sign-in form names when its event sets no privacyContact: an email or phone of the organizer\'s office. Empty: the forms tell participants to ask the event\'s organizers.')
param privacyContact string = ''

@description('Key Vault purge protection. Turn it on for production: then nobody can purge the pseudonym key or the ODK password before 90 days, but it cannot be turned off again and the vault name stays taken for 90 days after `azd down`.')
param keyVaultPurgeProtection bool = false

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
    enablePurgeProtection: keyVaultPurgeProtection
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
    odkCollectKeySecretUri: keyVault.outputs.odkCollectKeySecretUri
    publicBaseUrl: publicBaseUrl
    exportSchedule: exportSchedule
    exportIncludeNames: exportIncludeNames
    privacyContact: privacyContact
    formOrigins: empty(formOrigins) ? [] : map(split(formOrigins, ','), origin => trim(origin))
  }
  // The app's first start reads storage and the Key Vault reference: grant the roles before it exists.
  dependsOn: [
    rbac
  ]
}

// Outputs become azd environment values (.azure/<env>/.env) and the postprovision hook's inputs. None of them is a
// secret: the pseudonym key and the ODK password are created in Key Vault by the hook (infra/hooks), never passing
// through a deployment.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_APP_URL string = api.outputs.url
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_DATA_STORAGE_ACCOUNT string = storage.outputs.dataAccountName
output AZURE_ANALYTICS_URL string = '${storage.outputs.dataBlobEndpoint}${analyticsContainerName}'
