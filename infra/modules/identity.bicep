// The one user-assigned managed identity the function app uses for everything: storage (host,
// Durable task hub, archive), Key Vault references, Application Insights and the deployment package.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
