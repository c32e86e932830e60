// The one storage account: Functions host state, the Durable Functions task hub (queues, tables,
// lease blobs), the Flex Consumption deployment package, and the application's own containers.
// Reached only with Entra ID (shared keys off), never anonymously.
param name string
param location string
param tags object

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Days a version-level WORM policy protects each archived strategy blob; 0 turns immutability off. Decide before the first deployment: a container cannot drop version-level immutability support once created with it.')
@minValue(0)
param strategiesImmutabilityDays int

@description('Days deleted blobs and containers stay recoverable.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 7

@description('Days a previous blob version is kept before the lifecycle policy deletes it.')
@minValue(1)
param previousVersionRetentionDays int = 30

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: softDeleteRetentionDays }
    containerDeleteRetentionPolicy: { enabled: true, days: softDeleteRetentionDays }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

// The archive (docs/design.md §8): {id}/strategy.json|md|html and {id}/stages/*, each written once.
resource strategiesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'strategies'
  properties: {
    publicAccess: 'None'
    immutableStorageWithVersioning: { enabled: strategiesImmutabilityDays > 0 }
  }
}

// Default time-based retention for every blob version in `strategies`. Left unlocked: it can be
// shortened or removed; lock it by hand (az storage container immutability-policy lock) for WORM
// compliance.
resource strategiesRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = if (strategiesImmutabilityDays > 0) {
  parent: strategiesContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: strategiesImmutabilityDays
    allowProtectedAppendWrites: false
  }
}

// Working storage for submitted answers until their stage is approved and archived.
resource submissionsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'submissions'
  properties: { publicAccess: 'None' }
}

// Versioning keeps every overwritten or deleted blob (deployment packages, Durable large messages):
// drop previous versions after a while so they do not accumulate cost.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  dependsOn: [blobService] // version actions need versioning switched on first
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-previous-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'] }
            actions: {
              version: { delete: { daysAfterCreationGreaterThan: previousVersionRetentionDays } }
            }
          }
        }
      ]
    }
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
