"""Workshop applications taken on the series page: the capacity rule, forms, emails, admin and retention."""
