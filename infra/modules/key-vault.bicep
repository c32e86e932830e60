// Key Vault for the SendGrid API key and the link-signing keys. RBAC mode only (no access
// policies); purge protection on, so a deleted vault stays recoverable for the retention period
// and its name stays taken until then. Secret values are set after deployment, never here.
param name string
param location string
param tags object

@description('Days a deleted vault (and its secrets) stays recoverable. Fixed once the vault exists.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
