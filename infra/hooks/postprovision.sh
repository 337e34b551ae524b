#!/bin/sh
# azd postprovision hook, run after every `azd provision` and `azd up`. Safe to run again at any time, by hand too
# (`azd hooks run postprovision`): every step finds its work done or does it, and nothing is ever replaced.
#
# 1. Pins az to the subscription and tenant azd deployed to: az keeps its own default subscription, which may be
#    another one, and the Key Vault and app calls below would then fail or reach the wrong place.
# 2. Creates the app's secrets in Key Vault the first time, and never replaces one:
#    - PseudonymKey: 48 random bytes, base64 (64 characters; the export requires at least 32). Replacing it would
#      change every participant's pseudonym.
#    - OdkCollectKey: 16 random bytes, hex (32 characters), the password ODK Collect sends (Auth__FunctionKey).
#      Replacing it would lock out every phone.
#    A value goes to Key Vault through a private temporary file, never on a command line or in a log.
# 3. Makes the app resolve its Key Vault references now that the secrets exist, waits until every reference is
#    resolved, and restarts the app: the platform keeps a failed lookup (made when provisioning created the app
#    before the secrets existed, or before the app's role reached Key Vault) until its 24-hour refresh, and the
#    app refuses to start with an unresolved reference.
#
# Role assignments made by the provisioning can take up to 10 minutes to take effect (Azure RBAC troubleshooting:
# "Role assignment changes are not being detected"), so Key Vault reads and reference checks are retried for
# 12 minutes by default. Needs the Azure CLI (logged in as the account azd uses) and openssl.
set -eu

vault="${AZURE_KEY_VAULT_NAME:?AZURE_KEY_VAULT_NAME is not set: run azd provision first}"
subscription="${AZURE_SUBSCRIPTION_ID:?AZURE_SUBSCRIPTION_ID is not set: run azd provision first}"
tenant="${AZURE_TENANT_ID:?AZURE_TENANT_ID is not set: run azd provision first}"
group="${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set: run azd provision first}"
app="${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set: run azd provision first}"
attempts="${HOOK_ATTEMPTS:-72}"
delay="${HOOK_RETRY_SECONDS:-10}"
rerun="When fixed, run this step again with: azd hooks run postprovision (safe to repeat; it replaces nothing)."

fail() {
    echo "$1" >&2
    echo "$rerun" >&2
    exit 1
}

command -v openssl >/dev/null 2>&1 || fail "openssl is required to generate the secrets; install it and run again."

# A base URL without a scheme provisions fine but stops the app at start (Forms:PublicBaseUrl is validated).
case "${FORMS_PUBLIC_BASE_URL:-}" in
    '' | https://* | http://*) ;;
    *) fail "FORMS_PUBLIC_BASE_URL is '$FORMS_PUBLIC_BASE_URL'; it must start with https:// (azd env set FORMS_PUBLIC_BASE_URL https://...) then azd provision." ;;
esac

# 1. The subscription and tenant azd used.
if ! out=$(az account set --subscription "$subscription" 2>&1); then
    fail "az cannot select subscription $subscription, where azd deployed: $out
Sign az in to that tenant: az login --tenant $tenant"
fi
current_tenant=$(az account show --query tenantId --output tsv)
if [ "$current_tenant" != "$tenant" ]; then
    fail "az is signed in to tenant $current_tenant, but azd deployed to tenant $tenant. Run: az login --tenant $tenant"
fi
echo "az uses subscription $subscription (tenant $tenant), as azd does."

# 2. The secrets, each created once.
umask 077
file=""
errors=$(mktemp)
trap 'rm -f "$errors"; if [ -n "$file" ]; then rm -f "$file"; fi' EXIT
trap 'exit 130' INT TERM HUP

pseudonym_key() { openssl rand -base64 48 | tr -d '\n'; }
odk_collect_key() { openssl rand -hex 16 | tr -d '\n'; }

# ensure_secret NAME CONTENT_TYPE GENERATOR
ensure_secret() {
    attempt=1
    while :; do
        if out=$(az keyvault secret show --vault-name "$vault" --name "$1" --query id --output tsv 2>&1); then
            echo "$1 already exists in $vault; kept."
            return 0
        fi
        case "$out" in
            *SecretNotFound*) break ;;
        esac
        # Anything else (most often 403 while the role assigned moments ago reaches Key Vault) must not be read as
        # "absent": writing then could replace a secret that exists.
        if [ "$attempt" -ge "$attempts" ]; then
            fail "Cannot read $1 in $vault after $attempts attempts: $out"
        fi
        echo "Key Vault $vault is not readable yet (attempt $attempt of $attempts; a new role can take up to 10 minutes); retrying in ${delay}s." >&2
        attempt=$((attempt + 1))
        sleep "$delay"
    done

    file=$(mktemp)
    "$3" > "$file"
    [ -s "$file" ] || fail "Could not generate a value for $1 (openssl rand failed); nothing was written to $vault."
    if ! out=$(az keyvault secret set --vault-name "$vault" --name "$1" --file "$file" --encoding utf-8 \
        --content-type "$2" --output none 2>&1); then
        # Most often the secret was deleted and is kept soft-deleted for 90 days: a deleted pseudonym key must be
        # recovered, not replaced, or every pseudonym changes.
        fail "Could not create $1 in $vault: $out
If $1 was deleted, recover it: az keyvault secret recover --vault-name $vault --name $1"
    fi
    rm -f "$file"
    file=""
    echo "Created $1 in $vault."
}

ensure_secret PseudonymKey "HMAC key of the participant pseudonyms in the analytics files" pseudonym_key
ensure_secret OdkCollectKey "Password ODK Collect sends to /api/openrosa (app setting Auth__FunctionKey)" odk_collect_key

# 3. The app reads the secrets: refresh its Key Vault references until all are resolved, then restart it.
site="https://management.azure.com/subscriptions/$subscription/resourceGroups/$group/providers/Microsoft.Web/sites/$app"
api="api-version=2022-03-01"
attempt=1
while :; do
    # Refreshed on every attempt: a lookup refused while the app's role was propagating stays refused otherwise.
    az rest --method post --url "$site/config/configreferences/appsettings/refresh?$api" --output none >/dev/null 2>&1 || true
    # stderr apart: a warning az prints there (an upgrade notice) is not a reference.
    statuses=$(az rest --method get --url "$site/config/configreferences/appsettings?$api" \
        --query "value[].[name, properties.status]" --output tsv 2>"$errors") || true
    unresolved=$(printf '%s\n' "$statuses" | awk -F '\t' 'NF > 0 && (NF != 2 || $2 != "Resolved")')
    if [ -n "$statuses" ] && [ -z "$unresolved" ]; then
        break
    fi
    if [ "$attempt" -ge "$attempts" ]; then
        fail "The app's Key Vault references are not resolved after $attempts attempts:
$unresolved
$(cat "$errors")
Check that the secrets exist and that the app's identity is Key Vault Secrets User on $vault."
    fi
    echo "The app's Key Vault references are not resolved yet (attempt $attempt of $attempts); retrying in ${delay}s." >&2
    attempt=$((attempt + 1))
    sleep "$delay"
done
echo "The app's Key Vault references are resolved."

# A warning, not a failure: the references are resolved, and on a first `azd up` the code deployment that follows
# starts the app anyway; only an app already running before this provision needs the restart.
if out=$(az functionapp restart --resource-group "$group" --name "$app" --output none 2>&1); then
    echo "Restarted $app so that it runs with the resolved secrets."
else
    echo "WARNING: could not restart $app ($out). Restart it with: az functionapp restart -g $group -n $app" >&2
fi
