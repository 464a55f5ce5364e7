from ds_migrate.cli import main

main()
