# azd postprovision hook (Windows): the same steps as postprovision.sh, which explains them. Safe to run again
# (`azd hooks run postprovision`): it pins az to azd's subscription and tenant, creates PseudonymKey (48 random
# bytes, base64) and OdkCollectKey (16 random bytes, hex) in Key Vault the first time and never replaces them,
# then refreshes the app's Key Vault references until all are resolved and restarts the app. Key Vault reads and
# reference checks are retried for 12 minutes by default: Azure documents that a role assignment can take up to
# 10 minutes to take effect.
$ErrorActionPreference = 'Stop'

function Require([string] $name) {
    $value = [Environment]::GetEnvironmentVariable($name)
    if (-not $value) { throw "$name is not set: run azd provision first." }
    return $value
}

$vault = Require 'AZURE_KEY_VAULT_NAME'
$subscription = Require 'AZURE_SUBSCRIPTION_ID'
$tenant = Require 'AZURE_TENANT_ID'
$group = Require 'AZURE_RESOURCE_GROUP'
$app = Require 'AZURE_FUNCTION_APP_NAME'
$attempts = if ($env:HOOK_ATTEMPTS) { [int]$env:HOOK_ATTEMPTS } else { 72 }
$delay = if ($env:HOOK_RETRY_SECONDS) { [int]$env:HOOK_RETRY_SECONDS } else { 10 }
$rerun = 'When fixed, run this step again with: azd hooks run postprovision (safe to repeat; it replaces nothing).'

function Fail([string] $message) { throw "$message`n$rerun" }

# 1. The subscription and tenant azd used.
$out = az account set --subscription $subscription 2>&1 | Out-String
if ($LASTEXITCODE -ne 0) {
    Fail "az cannot select subscription $subscription, where azd deployed: $out`nSign az in to that tenant: az login --tenant $tenant"
}
$currentTenant = (az account show --query tenantId --output tsv).Trim()
if ($currentTenant -ne $tenant) {
    Fail "az is signed in to tenant $currentTenant, but azd deployed to tenant $tenant. Run: az login --tenant $tenant"
}
Write-Host "az uses subscription $subscription (tenant $tenant), as azd does."

# 2. The secrets, each created once.
function Set-SecretOnce([string] $name, [string] $contentType, [scriptblock] $generate) {
    for ($attempt = 1; ; $attempt++) {
        $out = az keyvault secret show --vault-name $vault --name $name --query id --output tsv 2>&1 | Out-String
        if ($LASTEXITCODE -eq 0) { Write-Host "$name already exists in $vault; kept."; return }
        if ($out -match 'SecretNotFound') { break }
        # Anything else (most often 403 while a new role reaches Key Vault) must not be read as "absent".
        if ($attempt -ge $attempts) { Fail "Cannot read $name in ${vault} after $attempts attempts: $out" }
        Write-Warning "Key Vault $vault is not readable yet (attempt $attempt of $attempts; a new role can take up to 10 minutes); retrying in ${delay}s."
        Start-Sleep -Seconds $delay
    }

    $file = New-TemporaryFile
    try {
        [IO.File]::WriteAllText($file.FullName, (& $generate))
        $out = az keyvault secret set --vault-name $vault --name $name --file $file.FullName --encoding utf-8 `
            --content-type $contentType --output none 2>&1 | Out-String
        # Most often the secret was deleted and is kept soft-deleted: recover it, never replace it.
        if ($LASTEXITCODE -ne 0) { Fail "Could not create $name in ${vault}: $out`nIf $name was deleted, recover it: az keyvault secret recover --vault-name $vault --name $name" }
        Write-Host "Created $name in $vault."
    }
    finally {
        Remove-Item $file.FullName -Force
    }
}

Set-SecretOnce 'PseudonymKey' 'HMAC key of the participant pseudonyms in the analytics files' {
    [Convert]::ToBase64String([Security.Cryptography.RandomNumberGenerator]::GetBytes(48))
}
Set-SecretOnce 'OdkCollectKey' 'Password ODK Collect sends to /api/openrosa (app setting Auth__FunctionKey)' {
    [Convert]::ToHexString([Security.Cryptography.RandomNumberGenerator]::GetBytes(16)).ToLowerInvariant()
}

# 3. The app reads the secrets: refresh its Key Vault references until all are resolved, then restart it.
$site = "https://management.azure.com/subscriptions/$subscription/resourceGroups/$group/providers/Microsoft.Web/sites/$app"
$api = 'api-version=2022-03-01'
for ($attempt = 1; ; $attempt++) {
    # Refreshed on every attempt: a lookup refused while the app's role was propagating stays refused otherwise.
    az rest --method post --url "$site/config/configreferences/appsettings/refresh?$api" --output none 2>&1 | Out-Null
    # stderr apart: a warning az prints there (an upgrade notice) would break the JSON.
    $json = az rest --method get --url "$site/config/configreferences/appsettings?$api" --output json 2>$null | Out-String
    $references = if ($LASTEXITCODE -eq 0) { @(($json | ConvertFrom-Json).value) } else { @() }
    $unresolved = @($references | Where-Object { $_.properties.status -ne 'Resolved' } | ForEach-Object { "$($_.name) $($_.properties.status)" })
    if ($references.Count -gt 0 -and $unresolved.Count -eq 0) { break }
    if ($attempt -ge $attempts) {
        Fail "The app's Key Vault references are not resolved after $attempts attempts: $($unresolved -join ', ') $json`nCheck that the secrets exist and that the app's identity is Key Vault Secrets User on $vault."
    }
    Write-Warning "The app's Key Vault references are not resolved yet (attempt $attempt of $attempts); retrying in ${delay}s."
    Start-Sleep -Seconds $delay
}
Write-Host "The app's Key Vault references are resolved."

# A warning, not a failure: the references are resolved, and on a first `azd up` the code deployment that follows
# starts the app anyway; only an app already running before this provision needs the restart.
$out = az functionapp restart --resource-group $group --name $app --output none 2>&1 | Out-String
if ($LASTEXITCODE -eq 0) {
    Write-Host "Restarted $app so that it runs with the resolved secrets."
}
else {
    Write-Warning "Could not restart $app ($out). Restart it with: az functionapp restart -g $group -n $app"
}
