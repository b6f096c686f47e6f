import { can, type Principal } from "@it-atlas/domain";
import { useState, type FormEvent } from "react";
import { formatIsoDate } from "../../ui/format.ts";
import { errorMessage, LoadingState } from "../../ui/States.tsx";
import {
  useExchangeOffer,
  useRecordAgreement,
  useRegisterInterest,
  useWithdrawOffer,
} from "./exchangeQueries.ts";

type Party = { organisationKey: string | null; providerId: string | null; label: string };

/** The parties a principal may register interest for: its Kommunen and providers. */
export function partiesOf(principal: Principal): Party[] {
  if (principal.kind !== "user") return [];
  return principal.roles.flatMap((role): Party[] => {
    if (role.role === "kommune_bearbeiter" && role.organisationKey) {
      return [
        {
          organisationKey: role.organisationKey,
          providerId: null,
          label: `Kommune ${role.organisationKey}`,
        },
      ];
    }
    if (role.role === "dienstleister_bearbeiter" && role.providerId) {
      return [
        {
          organisationKey: null,
          providerId: role.providerId,
          label: `IT-Dienstleister ${role.providerId}`,
        },
      ];
    }
    return [];
  });
}

const partyName = (entry: {
  organisation: { name: string } | null;
  provider: { shortName: string } | null;
}) => entry.organisation?.name ?? entry.provider?.shortName ?? "–";

/** One offer: interests and agreements, and the actions the viewer may take. */
export function OfferDetail({ offerId, principal }: { offerId: number; principal: Principal }) {
  const offer = useExchangeOffer(offerId);
  const interest = useRegisterInterest(offerId);
  const agreement = useRecordAgreement(offerId);
  const withdraw = useWithdrawOffer();
  const [message, setMessage] = useState<string | null>(null);
  const [party, setParty] = useState("");
  const [signedOn, setSignedOn] = useState("");
  const [validFrom, setValidFrom] = useState("");
  if (offer.isPending) return <LoadingState />;
  if (offer.isError) return <p className="kern-body">{errorMessage(offer.error)}</p>;
  const data = offer.data;
  const parties = partiesOf(principal);
  const fail = (error: unknown) => setMessage(errorMessage(error));

  const recordAgreement = (event: FormEvent) => {
    event.preventDefault();
    const key = party.trim();
    agreement.mutate(
      {
        organisationKey: /^05\d/.test(key) ? key : null,
        providerId: /^05\d/.test(key) ? null : key,
        signedOn,
        validFrom,
        validTo: null,
        note: null,
      },
      { onSuccess: () => setMessage("Vereinbarung erfasst."), onError: fail },
    );
  };

  return (
    <div className="atlas-panel">
      <h3 className="kern-heading-small">{data.title}</h3>
      {data.description ? <p className="kern-body">{data.description}</p> : null}
      <p className="kern-body kern-body--small">
        Erscheint als Angebot des Dienstleisters in der Landkarte und damit als Option für Szenarien
        {data.providerOfferId ? ` (Angebot Nr. ${data.providerOfferId})` : ""}.
      </p>
      {message ? (
        <p className="kern-body" role="status">
          {message}
        </p>
      ) : null}
      <h4 className="kern-body kern-body--bold">Interesse ({data.interests.length})</h4>
      <ul className="kern-list">
        {data.interests.map((entry) => (
          <li key={entry.id}>
            {partyName(entry)} – {formatIsoDate(entry.createdAt.slice(0, 10))}
            {entry.note ? `: ${entry.note}` : ""}
          </li>
        ))}
      </ul>
      {data.status === "veroeffentlicht"
        ? parties.map((candidate) => (
            <button
              key={candidate.label}
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={interest.isPending}
              onClick={() =>
                interest.mutate(
                  {
                    organisationKey: candidate.organisationKey,
                    providerId: candidate.providerId,
                    note: null,
                  },
                  {
                    onSuccess: () => setMessage(`Interesse für ${candidate.label} bekundet.`),
                    onError: fail,
                  },
                )
              }
            >
              <span className="kern-label">Interesse bekunden für {candidate.label}</span>
            </button>
          ))
        : null}
      <h4 className="kern-body kern-body--bold">Vereinbarungen ({data.agreements.length})</h4>
      <ul className="kern-list">
        {data.agreements.map((entry) => (
          <li key={entry.id}>
            {partyName(entry)}: unterzeichnet {formatIsoDate(entry.signedOn)}, gilt ab{" "}
            {formatIsoDate(entry.validFrom)}
            {entry.validTo ? ` bis ${formatIsoDate(entry.validTo)}` : ""}
          </li>
        ))}
      </ul>
      {can(principal, "exchange:agreement") ? (
        <form
          className="atlas-ozg-actions"
          onSubmit={recordAgreement}
          aria-label="Vereinbarung erfassen"
        >
          <div className="kern-form-input">
            <label className="kern-label" htmlFor={`vereinbarung-partei-${offerId}`}>
              Kommune (AGS) oder Dienstleister-Kennung
            </label>
            <input
              id={`vereinbarung-partei-${offerId}`}
              className="kern-form-input__input"
              value={party}
              onChange={(event) => setParty(event.target.value)}
            />
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor={`vereinbarung-datum-${offerId}`}>
              Unterzeichnet am
            </label>
            <input
              id={`vereinbarung-datum-${offerId}`}
              className="kern-form-input__input"
              type="date"
              value={signedOn}
              onChange={(event) => setSignedOn(event.target.value)}
            />
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor={`vereinbarung-ab-${offerId}`}>
              Gilt ab
            </label>
            <input
              id={`vereinbarung-ab-${offerId}`}
              className="kern-form-input__input"
              type="date"
              value={validFrom}
              onChange={(event) => setValidFrom(event.target.value)}
            />
          </div>
          <button
            type="submit"
            className="kern-btn kern-btn--secondary"
            disabled={agreement.isPending}
          >
            <span className="kern-label">Vereinbarung erfassen</span>
          </button>
        </form>
      ) : null}
      {data.status === "veroeffentlicht" &&
      can(principal, "offer:edit", { providerId: data.provider.id }) ? (
        <button
          type="button"
          className="kern-btn kern-btn--tertiary"
          onClick={() =>
            withdraw.mutate(data, {
              onSuccess: () => setMessage("Angebot zurückgezogen."),
              onError: fail,
            })
          }
        >
          <span className="kern-label">Angebot zurückziehen</span>
        </button>
      ) : null}
    </div>
  );
}
