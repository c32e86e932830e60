#!/usr/bin/env bash
# Deploys StrategyFlow to Azure with the Azure CLI alone (the azd-free path of docs/deploy.md):
# compiles infra/main.bicep with the repository's Bicep, deploys it at subscription scope (which
# creates the resource group), stores the secrets (infra/hooks/postprovision.sh), then publishes
# the Functions app to its Flex Consumption plan.
#
#   scripts/deploy.sh --env NAME --location REGION --sender-email ADDRESS [options]
#     --sender-name NAME       display name of the sender (default StrategyFlow)
#     --sandbox                SendGrid sandbox mode: validate mail, deliver nothing
#     --immutability-days N    version-level WORM retention for archived strategies (default 0)
#     --accept-previous-link-keys  also accept links signed with secret link-signing-keys-previous
#     --skip-publish           provision and set secrets only
# SENDGRID_API_KEY in the environment is stored in Key Vault on the first run (or you are asked).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh

env_name="" location="" sender_email="" sender_name="StrategyFlow" sandbox=false immutability_days=0 accept_previous=false publish=true
while [ $# -gt 0 ]; do
  case "$1" in
    --env) env_name="$2"; shift 2 ;;
    --location) location="$2"; shift 2 ;;
    --sender-email) sender_email="$2"; shift 2 ;;
    --sender-name) sender_name="$2"; shift 2 ;;
    --sandbox) sandbox=true; shift ;;
    --immutability-days) immutability_days="$2"; shift 2 ;;
    --accept-previous-link-keys) accept_previous=true; shift ;;
    --skip-publish) publish=false; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$env_name" ] || [ -z "$location" ] || [ -z "$sender_email" ]; then
  echo "--env, --location and --sender-email are required (see --help)." >&2
  exit 2
fi
for tool in az dotnet zip; do
  command -v "$tool" >/dev/null || { echo "$tool is required (docs/deploy.md, Prerequisites)." >&2; exit 1; }
done

# The deploying principal gets the data roles and Key Vault Secrets Officer.
az account show --query "{subscription:name, user:user.name}" -o tsv >/dev/null \
  || { echo "Sign in first: az login" >&2; exit 1; }
if [ "$(az account show --query user.type -o tsv)" = "user" ]; then
  principal_id="$(az ad signed-in-user show --query id -o tsv)"
  principal_type=User
else
  principal_id="$(az ad sp show --id "$(az account show --query user.name -o tsv)" --query id -o tsv)"
  principal_type=ServicePrincipal
fi

ensure_bicep
build_dir=".artifacts/deploy"
rm -rf "$build_dir" && mkdir -p "$build_dir"
"$BICEP" build infra/main.bicep --outfile "$build_dir/main.json"

deployment="strategyflow-$env_name"
echo "Deploying infrastructure ($deployment, $location)..."
az deployment sub create --name "$deployment" --location "$location" \
  --template-file "$build_dir/main.json" \
  --parameters environmentName="$env_name" location="$location" \
    principalId="$principal_id" principalType="$principal_type" \
    senderEmail="$sender_email" senderName="$sender_name" sandboxMode="$sandbox" \
    strategiesImmutabilityDays="$immutability_days" acceptPreviousLinkSigningKeys="$accept_previous" \
  --query properties.provisioningState -o tsv

output() { az deployment sub show --name "$deployment" --query "properties.outputs.$1.value" -o tsv; }
export AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_KEY_VAULT_NAME
AZURE_RESOURCE_GROUP="$(output AZURE_RESOURCE_GROUP)"
AZURE_FUNCTION_APP_NAME="$(output AZURE_FUNCTION_APP_NAME)"
AZURE_KEY_VAULT_NAME="$(output AZURE_KEY_VAULT_NAME)"
api_uri="$(output SERVICE_API_URI)"

bash infra/hooks/postprovision.sh

if [ "$publish" = true ]; then
  echo "Publishing src/StrategyFlow.Functions..."
  dotnet publish src/StrategyFlow.Functions -c Release -o "$build_dir/publish" -nologo
  (cd "$build_dir/publish" && zip -qr ../api.zip .)
  # On Flex Consumption this uploads through Entra ID (basic-auth publishing is off).
  az functionapp deployment source config-zip --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$AZURE_FUNCTION_APP_NAME" --src "$build_dir/api.zip" >/dev/null
fi

echo "StrategyFlow: $api_uri  (health: $api_uri/api/health)"
