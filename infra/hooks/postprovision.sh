#!/usr/bin/env bash
# After provisioning: puts StrategyFlow's secrets into Key Vault, never overwriting one that exists.
#   link-signing-key   generated here (openssl rand -base64 48) on the first run only: replacing it
#                      would invalidate every link already emailed (rotate as docs/deploy.md says).
#   sendgrid-api-key   from $SENDGRID_API_KEY, or typed at a hidden prompt when there is a terminal;
#                      otherwise the command to set it is printed.
# Run by azd (hooks.postprovision in azure.yaml) and by scripts/deploy.sh. Needs the Azure CLI,
# signed in as the deploying principal (it holds Key Vault Secrets Officer through main.bicep).
# Reads AZURE_KEY_VAULT_NAME, AZURE_FUNCTION_APP_NAME and AZURE_RESOURCE_GROUP (main.bicep outputs).
set -euo pipefail

vault="${AZURE_KEY_VAULT_NAME:?AZURE_KEY_VAULT_NAME is not set (an output of infra/main.bicep)}"

# A new role assignment takes a few minutes to reach Key Vault: retry listing until it works.
wait_for_vault_access() {
  local deadline=$((SECONDS + 300)) error
  until error="$(az keyvault secret list --vault-name "$vault" --query '[].name' -o tsv 2>&1 >/dev/null)"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "No access to Key Vault $vault after 5 minutes: $error" >&2
      return 1
    fi
    echo "Waiting for Key Vault access (role assignments propagate)..."
    sleep 15
  done
}

secret_exists() {
  [ -n "$(az keyvault secret list --vault-name "$vault" --query "[?name=='$1'].name" -o tsv)" ]
}

# The value goes through a file descriptor, never the command line (visible to other processes).
set_secret() {
  az keyvault secret set --vault-name "$vault" --name "$1" --file /dev/stdin --encoding utf-8 \
    --content-type "$2" --query name -o tsv >/dev/null
}

wait_for_vault_access
changed=false

if secret_exists link-signing-key; then
  echo "link-signing-key: kept (already in $vault)."
else
  openssl rand -base64 48 | tr -d '\n' | set_secret link-signing-key "base64 HMAC-SHA256 key"
  echo "link-signing-key: generated and stored in $vault."
  changed=true
fi

if secret_exists sendgrid-api-key; then
  echo "sendgrid-api-key: kept (already in $vault)."
else
  key="${SENDGRID_API_KEY:-}"
  if [ -z "$key" ] && [ -t 0 ]; then
    read -r -s -p "SendGrid API key (input hidden, empty to set it later): " key
    echo
  fi
  if [ -n "$key" ]; then
    printf '%s' "$key" | set_secret sendgrid-api-key "SendGrid API key"
    echo "sendgrid-api-key: stored in $vault."
    changed=true
  else
    echo "sendgrid-api-key: NOT SET. The app will not start until you run:"
    echo "  az keyvault secret set --vault-name $vault --name sendgrid-api-key --file <(printf %s \"\$SENDGRID_API_KEY\")"
    echo "  az functionapp restart --resource-group ${AZURE_RESOURCE_GROUP:-<group>} --name ${AZURE_FUNCTION_APP_NAME:-<app>}"
  fi
  unset key
fi

# Key Vault references are resolved when the app starts: restart so it sees new secrets.
if [ "$changed" = true ] && [ -n "${AZURE_FUNCTION_APP_NAME:-}" ] && [ -n "${AZURE_RESOURCE_GROUP:-}" ]; then
  az functionapp restart --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" >/dev/null
  echo "Restarted $AZURE_FUNCTION_APP_NAME to resolve the new secrets."
fi
