from ds_migrate.cli.commands import main

main()
