// StrategyFlow on Azure: Functions (Flex Consumption, .NET 10 isolated) with Durable Functions on
// the Azure Storage backend, Blob Storage archive, Key Vault, Application Insights. Deploy with
// `azd up` or scripts/deploy.sh; see docs/deploy.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd environment name); part of every resource name and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Azure region for every resource; must offer the Flex Consumption plan.')
param location string

@description('Resource group name; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the deploying user or pipeline; gets the data roles and Key Vault Secrets Officer. Empty for none.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@minLength(3)
@description('From address of every email; must be a verified SendGrid sender.')
param senderEmail string

@description('Display name of the sender.')
param senderName string = 'StrategyFlow'

@description('SendGrid sandbox mode: mail is validated by SendGrid and never delivered.')
param sandboxMode bool = false

@description('Base URL of the links in emails (a custom domain); empty for the function app\'s https host name.')
param publicBaseUrl string = ''

@description('Accept links signed with the keys in secret link-signing-keys-previous (turn on during a key rotation, after creating that secret).')
param acceptPreviousLinkSigningKeys bool = false

@minValue(0)
@description('Days each archived strategy blob is immutable (version-level WORM); 0 for none. Choose before the first deployment.')
param strategiesImmutabilityDays int = 0

@minValue(7)
@maxValue(90)
@description('Days a deleted Key Vault stays recoverable (purge protection keeps its name taken that long).')
param keyVaultSoftDeleteRetentionInDays int = 7

@minValue(40)
@maxValue(1000)
@description('Upper bound on Flex Consumption instances (a cost ceiling).')
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
@description('Memory of each Flex Consumption instance; billing is per GB-second of this size.')
param instanceMemoryMB int = 2048

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
// Names are computed here, at deployment start, so modules that look resources up by name stay
// predictable for what-if.
var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}strategyflow-${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  functionApp: '${abbrs.webSitesFunctions}strategyflow-${resourceToken}'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? '${abbrs.resourcesResourceGroups}${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
    strategiesImmutabilityDays: strategiesImmutabilityDays
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  dependsOn: [storage, keyVault, monitoring]
  params: {
    // A principal id exists only once the identity does; the assignment names need it (what-if
    // shows these assignments as unknown until then).
    #disable-next-line what-if-short-circuiting
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  // The host reaches storage, Key Vault and Application Insights as the identity from its first start.
  dependsOn: [roles, monitoring]
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    keyVaultUri: keyVault.outputs.uri
    applicationInsightsName: names.applicationInsights
    publicBaseUrl: publicBaseUrl
    senderEmail: senderEmail
    senderName: senderName
    sandboxMode: sandboxMode
    acceptPreviousLinkSigningKeys: acceptPreviousLinkSigningKeys
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
