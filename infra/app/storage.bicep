// Two accounts, so that each role can be as narrow as the work needs:
// - the host account holds what the Functions host itself needs (deployment package, keys, timer schedule
//   and singleton leases); the host requires Blob Data Owner on it;
// - the data account holds only the product's data (the tables of events and submissions, and the
//   analytics container the export writes) and nothing else; the app's table and blob roles there reach
//   no host data.
// Both refuse shared keys and SAS signed with a key: every request carries an Entra ID token.
param hostAccountName string
param dataAccountName string
param location string
param tags object
param deploymentContainerName string
param analyticsContainerName string

var accountProperties = {
  allowSharedKeyAccess: false
  defaultToOAuthAuthentication: true
  allowBlobPublicAccess: false
  allowCrossTenantReplication: false
  minimumTlsVersion: 'TLS1_2'
  supportsHttpsTrafficOnly: true
  publicNetworkAccess: 'Enabled'
  accessTier: 'Hot'
}

resource hostAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: hostAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: accountProperties

  resource blobs 'blobServices' = {
    name: 'default'

    resource deployment 'containers' = {
      name: deploymentContainerName
    }
  }
}

resource dataAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: dataAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    // Zone-redundant: the submissions are the only copy of the attendance record.
    name: 'Standard_ZRS'
  }
  properties: accountProperties

  resource blobs 'blobServices' = {
    name: 'default'
    properties: {
      // A deleted or overwritten export file can be recovered for a week.
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource analytics 'containers' = {
      name: analyticsContainerName
    }
  }
}

output hostAccountName string = hostAccount.name
output dataAccountName string = dataAccount.name
output hostBlobEndpoint string = hostAccount.properties.primaryEndpoints.blob
output dataBlobEndpoint string = dataAccount.properties.primaryEndpoints.blob
output dataTableEndpoint string = dataAccount.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainerName
