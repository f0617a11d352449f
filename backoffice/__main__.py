from backoffice.cli import run

run()
