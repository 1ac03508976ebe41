#!/usr/bin/env python3
"""Writes the shop example's seed CSVs. Deterministic: the same files on every run."""
import random
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Ada", "Ben", "Chloe", "Dev", "Elena", "Finn", "Grace", "Hugo", "Iris", "Jon", "Kira", "Liam",
         "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wes", "Xia", "Yuri", "Zoe"]
LAST = ["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M.", "N.", "P.", "R.", "S.", "T.", "W."]
STATUSES = ["placed", "shipped", "completed", "completed", "completed", "return_pending", "returned"]
METHODS = ["credit_card", "credit_card", "bank_transfer", "coupon", "gift_card"]


def main():
    rng = random.Random(20180101)
    here = Path(__file__).parent / "seeds"
    customers = [(i, rng.choice(FIRST), rng.choice(LAST)) for i in range(1, 201)]
    orders, payments = [], []
    start = date(2018, 1, 1)
    payment_id = 1
    for order_id in range(1, 301):
        day = start + timedelta(days=(order_id * 97) % 180)
        orders.append((order_id, rng.randint(1, 150), day.isoformat(), rng.choice(STATUSES)))
        for _ in range(1 if rng.random() < 0.85 else 2):
            payments.append((payment_id, order_id, rng.choice(METHODS), rng.randint(1, 30) * 100))
            payment_id += 1
    write(here / "raw_customers.csv", ["id", "first_name", "last_name"], customers)
    write(here / "raw_orders.csv", ["id", "user_id", "order_date", "status"], orders)
    write(here / "raw_payments.csv", ["id", "order_id", "payment_method", "amount"], payments)


def write(path, header, rows):
    with open(path, "w", newline="") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(str(v) for v in row) + "\n")


if __name__ == "__main__":
    main()
