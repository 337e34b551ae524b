// One emulator for the whole assembly: every test uses its own table or container, so they can share it.
[assembly: AssemblyFixture(typeof(AzuriteFixture))]
