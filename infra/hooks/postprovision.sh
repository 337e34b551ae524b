#!/bin/sh
# azd postprovision hook: creates the pseudonym key in Key Vault the first time and never replaces it, so
# provisioning again keeps every participant's pseudonym. 48 random bytes, base64: 64 characters (the export
# requires at least 32). The value goes to Key Vault through a private temporary file, not the command line.
# Needs the Azure CLI (az login as the same account as azd) and openssl.
set -eu

vault="${AZURE_KEY_VAULT_NAME:?AZURE_KEY_VAULT_NAME is not set: run azd provision first}"
name=PseudonymKey
attempts="${PSEUDONYM_KEY_ATTEMPTS:-18}"
delay="${PSEUDONYM_KEY_RETRY_SECONDS:-10}"

attempt=1
while :; do
    if out=$(az keyvault secret show --vault-name "$vault" --name "$name" --query id --output tsv 2>&1); then
        echo "$name already exists in $vault; kept."
        exit 0
    fi
    case "$out" in
        *SecretNotFound*) break ;;
    esac
    # Anything else (most often 403 while the role assigned moments ago reaches Key Vault) must not be read as
    # "absent": writing then could replace a key that exists.
    if [ "$attempt" -ge "$attempts" ]; then
        echo "Cannot read $name in $vault after $attempts attempts: $out" >&2
        exit 1
    fi
    echo "Key Vault $vault is not readable yet (attempt $attempt of $attempts); retrying in ${delay}s." >&2
    attempt=$((attempt + 1))
    sleep "$delay"
done

umask 077
file=$(mktemp)
trap 'rm -f "$file"' EXIT
openssl rand -base64 48 | tr -d '\n' > "$file"
az keyvault secret set --vault-name "$vault" --name "$name" --file "$file" --encoding utf-8 \
    --content-type "HMAC key of the participant pseudonyms in the analytics files" --output none
echo "Created $name in $vault."
