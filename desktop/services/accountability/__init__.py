"""问责 with due process: from the principal leader's approval to the decision carried out."""
