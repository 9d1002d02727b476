from agreement_nlp.cli import main

main()
