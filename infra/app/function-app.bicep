// The Functions app on a Flex Consumption plan (FC1), dotnet-isolated 10.0, running as the user-assigned
// identity. `appSettings` below is every setting the code reads that Azure must supply; the rest have the
// defaults in docs/configuration.md. tests/Attendance.Functions.Tests checks both against the code, on the
// compiled template.
//
// The `config/appsettings` resource replaces the app's whole list on every `azd provision`: a setting added in the
// portal or with `az functionapp config appsettings set` is deleted by the next provision. So every value an
// operator chooses comes in through a parameter (an azd environment value, infra/main.parameters.json) and every
// secret is a Key Vault reference to a secret the postprovision hook creates once and never replaces.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param hostBlobEndpoint string
param deploymentContainerName string
param dataTableEndpoint string
param dataBlobEndpoint string
param analyticsContainerName string
param applicationInsightsConnectionString string
param pseudonymKeySecretUri string
param odkCollectKeySecretUri string
@description('The public address of the sign-in links and QR codes. Empty: the app\'s own https address.')
param publicBaseUrl string
param exportSchedule string
param exportIncludeNames bool
param privacyContact string
param formOrigins array
@description('Flex Consumption scale limit; 40 instances is plenty for a few hundred participants a day.')
param maximumInstanceCount int = 40
param instanceMemoryMB int = 2048

var appSettings = {
  // Host storage by identity: keys, timer schedule monitor and singleton leases, in the host account.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: hostBlobEndpoint

  // Telemetry by identity (the component refuses the instrumentation key).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  // The product's data, by the same identity.
  AttendanceStorage__tableServiceUri: dataTableEndpoint
  AttendanceStorage__blobServiceUri: dataBlobEndpoint
  AttendanceStorage__clientId: identityClientId

  // Links and QR codes start with this, never with a client-chosen Host header. The default host name is the
  // platform's (it may carry a random suffix on new apps), so it is read from the app rather than assumed.
  Forms__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl

  // The password ODK Collect sends by HTTP Basic, which the Functions host cannot check, so the app checks it.
  Auth__FunctionKey: '@Microsoft.KeyVault(SecretUri=${odkCollectKeySecretUri})'

  // The nightly export.
  ExportSchedule: exportSchedule
  Export__Container: analyticsContainerName
  Export__IncludeNames: string(exportIncludeNames)
  Export__PseudonymKey: '@Microsoft.KeyVault(SecretUri=${pseudonymKeySecretUri})'

  // Whom participants contact about their data when an event names no one (the forms' privacy notice).
  Privacy__Contact: privacyContact
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Linux: Flex Consumption runs on Linux only.
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the service to deploy by this tag (azure.yaml: services.api).
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity (a user-assigned identity is not used unless named).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      // azd deploys with an Entra token to the deployment container; FTP(S) is never used, and policy checks
      // (App Service apps should require FTPS only / disable FTP) read this property.
      ftpsState: 'Disabled'
      cors: {
        allowedOrigins: formOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }

  // azd deploys with an Entra token; nothing needs the publishing user name and password.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
