// The Functions app on the Flex Consumption plan (FC1): .NET 10 isolated worker, user-assigned
// identity for everything, no secrets in settings (Key Vault references), no basic-auth publishing.
param planName string
param appName string
param location string
param tags object

param identityId string
param identityClientId string

param deploymentContainerUrl string
param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param keyVaultUri string

param applicationInsightsName string

@description('Base URL of the links in emails; empty for the app\'s default https host name.')
param publicBaseUrl string

param senderEmail string
param senderName string
param sandboxMode bool

@description('Whether links signed with the keys in secret link-signing-keys-previous are still accepted (during a key rotation).')
param acceptPreviousLinkSigningKeys bool

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@allowed([512, 2048, 4096])
param instanceMemoryMB int

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
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
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

// Publishing goes through Entra ID (azd, az functionapp deploy); no FTP or basic-auth Kudu.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

// Names are a contract with the app (infra/app-settings.required.json, options section StrategyFlow).
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Functions host and Durable Functions task hub storage, by identity.
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
    AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
    AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
    // DefaultAzureCredential in the app picks the user-assigned identity.
    AZURE_CLIENT_ID: identityClientId
    // An ingestion address and identifier, not a credential: local auth is off, the identity signs in.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
    StrategyFlow__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl
    StrategyFlow__Mail__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/sendgrid-api-key)'
    StrategyFlow__Mail__SenderEmail: senderEmail
    StrategyFlow__Mail__SenderName: senderName
    StrategyFlow__Mail__SandboxMode: string(sandboxMode)
    StrategyFlow__Links__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/link-signing-key)'
    // Empty means no previous key; the secret exists only during a rotation (docs/deploy.md).
    StrategyFlow__Links__PreviousSigningKeys: acceptPreviousLinkSigningKeys ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/link-signing-keys-previous)' : ''
    StrategyFlow__Storage__BlobServiceUri: storageBlobEndpoint
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
