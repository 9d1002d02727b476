"""Short invented French press texts shared by the input/output tests."""

TEXT_A = (
    "Le Sénégal et le Maroc signent un accord sur la pêche\n"
    "Dakar, le 14 mars 2024 – Le ministre des Pêches, M. Ibrahima Ndiaye, a signé hier "
    "un accord de coopération avec son homologue marocain.\n"
    "Par Fatou DIALLO\n"
)
TEXT_B = "Niamey accueille un forum sur l'énergie\nLes délégations se sont réunies à Niamey.\n"
