# azd postprovision hook (Windows): the same as postprovision.sh. Creates the pseudonym key in Key Vault the
# first time and never replaces it; 48 random bytes, base64 (64 characters; the export requires 32).
$ErrorActionPreference = 'Stop'

$vault = $env:AZURE_KEY_VAULT_NAME
if (-not $vault) { throw 'AZURE_KEY_VAULT_NAME is not set: run azd provision first.' }
$name = 'PseudonymKey'
$attempts = if ($env:PSEUDONYM_KEY_ATTEMPTS) { [int]$env:PSEUDONYM_KEY_ATTEMPTS } else { 18 }
$delay = if ($env:PSEUDONYM_KEY_RETRY_SECONDS) { [int]$env:PSEUDONYM_KEY_RETRY_SECONDS } else { 10 }

for ($attempt = 1; ; $attempt++) {
    $out = az keyvault secret show --vault-name $vault --name $name --query id --output tsv 2>&1 | Out-String
    if ($LASTEXITCODE -eq 0) { Write-Host "$name already exists in $vault; kept."; exit 0 }
    if ($out -match 'SecretNotFound') { break }
    # Anything else (most often 403 while a new role reaches Key Vault) must not be read as "absent".
    if ($attempt -ge $attempts) { throw "Cannot read $name in ${vault} after $attempts attempts: $out" }
    Write-Warning "Key Vault $vault is not readable yet (attempt $attempt of $attempts); retrying in ${delay}s."
    Start-Sleep -Seconds $delay
}

$file = New-TemporaryFile
try {
    [IO.File]::WriteAllText($file.FullName, [Convert]::ToBase64String([Security.Cryptography.RandomNumberGenerator]::GetBytes(48)))
    az keyvault secret set --vault-name $vault --name $name --file $file.FullName --encoding utf-8 `
        --content-type 'HMAC key of the participant pseudonyms in the analytics files' --output none
    if ($LASTEXITCODE -ne 0) { throw "az keyvault secret set failed ($LASTEXITCODE)." }
    Write-Host "Created $name in $vault."
}
finally {
    Remove-Item $file.FullName -Force
}
